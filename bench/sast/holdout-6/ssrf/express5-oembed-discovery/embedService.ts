export async function fetchEmbed(endpoint: string, pageUrl: string) {
  const target = new URL(endpoint);
  target.searchParams.set('url', pageUrl);
  target.searchParams.set('format', 'json');
  const response = await fetch(target, { redirect: 'error' }); // expect: ssrf
  return response.json();
}
