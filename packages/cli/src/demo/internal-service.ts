import { createServer } from 'node:http';

/** The page the stand-in internal service answers; an SSRF that reads it leaks this title. */
export const INTERNAL_TITLE = 'Corner Coffee internal admin';

export interface InternalService {
  readonly url: string;
  /** The requests whose path holds `marker`, so each attack can tell its own hit apart. */
  hitsFor(marker: string): readonly string[];
  close(): Promise<void>;
}

/**
 * A loopback server standing in for something only the shop's own network should reach
 * (an admin console, a metadata endpoint). The SSRF attack counts as a success only when this
 * server saw the request, sent by the shop.
 */
export async function startInternalService(): Promise<InternalService> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    if (hits.length < 1000) hits.push(`${req.method ?? 'GET'} ${(req.url ?? '/').slice(0, 200)}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    res.end(`<!doctype html><html><head><title>${INTERNAL_TITLE}</title></head><body><p>Reporting database: reporting-db.internal</p></body></html>`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hitsFor: (marker) => hits.filter((h) => h.includes(marker)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
