import { request } from 'undici';

const PARTNER_HOSTS = new Set(['feeds.example-news.com', 'rss.partner-press.org']);

export class FeedReader {
  async read(feedUrl: string): Promise<string> {
    const url = new URL(feedUrl);
    if (url.protocol !== 'https:' || !PARTNER_HOSTS.has(url.hostname)) throw new Error('not a partner feed');
    const { statusCode, body } = await request(url, { maxRedirections: 0 });
    if (statusCode !== 200) throw new Error(`feed answered ${statusCode}`);
    return body.text();
  }
}
