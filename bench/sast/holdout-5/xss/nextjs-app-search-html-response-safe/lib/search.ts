const INDEX = [{ slug: 'getting-started', title: 'Getting started' }];

export async function searchDocs(q: string) {
  const needle = q.toLowerCase();
  return INDEX.filter((d) => d.title.toLowerCase().includes(needle));
}
