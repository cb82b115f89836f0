const DOCS = [{ id: 1, title: 'Getting started' }, { id: 2, title: 'Deploying to production' }];

async function search(term) {
  const needle = term.toLowerCase();
  return DOCS.filter((doc) => doc.title.toLowerCase().includes(needle)).map((doc) => ({ id: doc.id, title: doc.title }));
}

module.exports = { search };
