import { request, type IncomingHttpHeaders } from 'node:http';

/** One HTTP answer, its body read as text (capped). */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Per request: the campaign never waits longer for one answer, nor reads more of it. */
export const CLIENT_LIMITS = Object.freeze({ timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 });

/**
 * A minimal browser stand-in for the campaign: keeps the cookies a site sets (whatever their
 * flags: the campaign talks plain http to loopback) and sends back the CSRF token a login answer
 * carries, so an attack reaches the code it aims at instead of stopping at a missing token.
 * One connection per request (no keep-alive), so stopping a shop never waits on an idle socket.
 */
export class CampaignClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  get(path: string, headers: Readonly<Record<string, string>> = {}): Promise<Answer> {
    return this.send('GET', path, undefined, headers);
  }

  post(path: string, json: unknown): Promise<Answer> {
    return this.send('POST', path, JSON.stringify(json));
  }

  private send(method: string, path: string, body?: string, extra: Readonly<Record<string, string>> = {}): Promise<Answer> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = { accept: 'application/json, text/html;q=0.9, */*;q=0.1', 'user-agent': 'rampart-demo-campaign', ...extra };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
      if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = request(url, { method, headers, agent: false, timeout: CLIENT_LIMITS.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= CLIENT_LIMITS.maxBodyBytes) chunks.push(chunk);
        });
        res.on('end', () => {
          this.keepCookies(res.headers['set-cookie']);
          const text = Buffer.concat(chunks).toString('utf8');
          this.keepCsrfToken(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${url.pathname} within ${CLIENT_LIMITS.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private keepCookies(setCookie: readonly string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(';', 1)[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // An expired or emptied cookie is the site logging us out.
      if (value === '' || /;\s*max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private keepCsrfToken(text: string): void {
    const data = parseJson(text);
    if (data && typeof data === 'object' && typeof (data as { csrfToken?: unknown }).csrfToken === 'string') {
      this.csrfToken = (data as { csrfToken: string }).csrfToken;
    }
  }
}

/** The parsed JSON body, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
