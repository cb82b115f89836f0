import { request } from 'undici';

const PARTNER_FEEDS = {
  __proto__: null,
  reuters: 'https://feeds.reuters.example/world.rss',
  bbc: 'https://feeds.bbc.example/news.rss',
};

export async function importFeed(feedName) {
  const feedUrl = PARTNER_FEEDS[feedName];
  if (typeof feedUrl !== 'string') throw new Error('unknown feed');
  const { body } = await request(feedUrl, { maxRedirections: 0, headersTimeout: 3000 });
  const text = await body.text();
  return text.split('<item>').length - 1;
}
