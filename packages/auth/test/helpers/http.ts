import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  text: string;
}

/** A real HTTP request with node:http (no cookie jar, no header filtering: tests set every header). */
export function request(base: string, path: string, options: { method?: string; headers?: Record<string, string>; json?: unknown; form?: Record<string, string> } = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined;
  if (options.json !== undefined) {
    payload = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.form) {
    payload = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The `name=value` part of the session Set-Cookie, to send back as a Cookie header. */
export function cookieFrom(result: HttpResult): string {
  const set = result.headers['set-cookie'];
  const first = (Array.isArray(set) ? set : set ? [set] : []).find((c) => c.startsWith('__Host-'));
  if (!first) throw new Error(`no __Host- cookie in response: ${JSON.stringify(result.headers)}`);
  return first.split(';')[0];
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
