export async function fetchEmbed(endpoint: string, pageUrl: string) {
  const PROVIDERS = new Set(['https://www.youtube.com', 'https://vimeo.com', 'https://publish.twitter.com']);
  const target = new URL(endpoint);
  if (!PROVIDERS.has(target.origin)) throw new Error('unknown oEmbed provider');
  target.searchParams.set('url', pageUrl);
  target.searchParams.set('format', 'json');
  const response = await fetch(target, { redirect: 'error' });
  return response.json();
}
