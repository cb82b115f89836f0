import { request } from 'undici';

export class FeedReader {
  async read(feedUrl: string): Promise<string> {
    const { statusCode, body } = await request(feedUrl, { maxRedirections: 0 }); // expect: ssrf
    if (statusCode !== 200) throw new Error(`feed answered ${statusCode}`);
    return body.text();
  }
}
