/**
 * Loopback apps for the probe's tests: a bare Express app with every classic mistake, a
 * hardened one (helmet, HTTPS with a test CA, HTTP redirecting to it) and a SPA whose catch-all
 * answers 200 with index.html for every path. Each listens on 127.0.0.1 on a free port.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import serveIndex from 'serve-index';

export interface Running {
  readonly url: string;
  readonly port: number;
  /** Every request the app received: what the probe really sent. */
  readonly received: { method: string; url: string; userAgent: string }[];
  close(): Promise<void>;
}

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closer(...servers: (http.Server | https.Server)[]) {
  return () =>
    Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    ).then(() => undefined);
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-probe-site-'));
  for (const [name, content] of Object.entries(files)) {
    const p = join(root, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

/** Everything wrong: no headers, X-Powered-By, stacks, .env and .git served, a listing, TRACE echo, CORS reflecting origins with credentials. */
export async function startBareApp(): Promise<Running> {
  const root = tree({
    '.env': 'DATABASE_URL=postgres://shop:hunter2@db/shop\nJWT_SECRET=s3cr3t\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/config': '[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://ghp_token@github.com/acme/shop.git\n',
    'public/app.js': 'console.log("shop");\n//# sourceMappingURL=app.js.map\n',
    'public/app.js.map': '{"version":3,"sources":["../src/app.ts"],"sourcesContent":["console.log(\\"shop\\")"],"mappings":"AAAA"}',
  });
  const received: Running['received'] = [];
  const app = express();
  app.use((req, _res, next) => {
    received.push({ method: req.method, url: req.originalUrl, userAgent: String(req.headers['user-agent']) });
    next();
  });
  // Any env but 'production' puts the stack in the error page; 'test' only keeps Express from also logging it here.
  app.set('env', 'test');
  app.use((req, res, next) => {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'TRACE') {
      const head = `${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`).join('\r\n')}\r\n\r\n`;
      res.type('message/http').send(head);
      return;
    }
    next();
  });
  app.use(express.json());
  app.get('/', (_req, res) => {
    res.cookie('sessionid', 'abc123');
    res.send('<!doctype html><html><head><title>Shop</title><script src="/public/app.js"></script></head><body>Shop</body></html>');
  });
  app.post('/', (req, res) => void res.json(req.body));
  app.use('/public', serveIndex(join(root, 'public')));
  app.use(express.static(root, { dotfiles: 'allow' }));
  const server = http.createServer(app);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, received, close: closer(server) };
}

const genericErrors: ErrorRequestHandler = (_err, _req, res, _next) => {
  res.status(400).type('text/plain').send('Bad request');
};

/** helmet with a strict CSP, a __Host- session cookie, generic errors; HTTPS with HTTP redirecting to it. */
export async function startHardenedApp(tls: { key: string; cert: string }): Promise<Running & { httpPort: number }> {
  const root = tree({ 'public/app.js': 'console.log("shop");\n' });
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { defaultSrc: ["'none'"], scriptSrc: ["'self'"], connectSrc: ["'self'"], imgSrc: ["'self'"], styleSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"] },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      xFrameOptions: { action: 'deny' },
    }),
  );
  app.use((req, res, next) => (req.method === 'TRACE' ? void res.status(405).end() : next()));
  app.use(express.json());
  app.get('/', (_req, res) => {
    res.cookie('__Host-sid', 'abc123', { secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
    res.send('<!doctype html><html><head><title>Shop</title><script src="/public/app.js"></script></head><body>Shop</body></html>');
  });
  app.use('/public', express.static(join(root, 'public')));
  app.use((_req, res) => void res.status(404).type('text/plain').send('Not found'));
  app.use(genericErrors);
  const secure = https.createServer({ key: tls.key, cert: tls.cert }, app);
  const port = await listen(secure);
  const redirect = http.createServer((req, res) => {
    res.writeHead(301, { location: `https://127.0.0.1:${port}${req.url ?? '/'}` }).end();
  });
  const httpPort = await listen(redirect);
  return { url: `https://127.0.0.1:${port}/`, port, httpPort, received: [], close: closer(secure, redirect) };
}

/** A single-page app: every unknown path answers 200 with index.html (the classic false-positive trap). */
export async function startSpaApp(): Promise<Running> {
  const index = '<!doctype html><html><head><title>SPA</title><script src="/assets/main.js"></script></head><body><div id="root"></div></body></html>';
  const root = tree({ 'assets/main.js': 'document.title = "SPA";\n' });
  const app = express();
  app.disable('x-powered-by');
  app.use('/assets', express.static(join(root, 'assets'), { fallthrough: true }));
  app.use((_req, res) => void res.status(200).type('html').send(index));
  app.use(genericErrors);
  const server = http.createServer(app);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/`, port, received: [], close: closer(server) };
}
