/**
 * A small Express app secured by Rampart's defaults, served the way production should be:
 * HTTPS, with plain HTTP only redirecting to it. The MDN HTTP Observatory test scans it
 * (packages/guard/test/observatory.test.ts); `node examples/secured-app/app.mjs` runs it with a
 * throwaway certificate you bring (TLS_KEY / TLS_CERT files).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import express from 'express';
import { rampart } from '@rampart/guard';

const SCRIPT = "document.getElementById('greeting').textContent = 'Hello from a script with Subresource Integrity';\n";
const SCRIPT_INTEGRITY = `sha384-${createHash('sha384').update(SCRIPT).digest('base64')}`;

/** The app, with any middleware in place of Rampart's (to compare helmet on the same routes). */
export function createApp(security = [rampart({ rootCheck: false, logger: false })]) {
  const app = express();
  for (const mw of security) app.use(mw);
  app.get('/', (req, res) => {
    // A session cookie set the careless way: the guard adds Secure, HttpOnly and SameSite.
    res.cookie('sid', 'session-id-from-your-store', { path: '/' });
    const nonce = res.locals.cspNonce ?? '';
    res.type('html').send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Secured by Rampart</title>
<script src="/app.js" integrity="${SCRIPT_INTEGRITY}" defer></script>
<script nonce="${nonce}">window.startedAt = Date.now();</script>
</head>
<body><h1 id="greeting">Hello</h1></body>
</html>`);
  });
  app.get('/app.js', (_req, res) => void res.type('application/javascript').send(SCRIPT));
  app.get('/robots.txt', (_req, res) => void res.type('text/plain').send('User-agent: *\nAllow: /\n'));
  return app;
}

/** Plain HTTP: one permanent redirect to the same path on HTTPS, nothing else. */
export function redirectToHttps(httpsPort) {
  return (req, res) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const path = (req.url ?? '/').startsWith('/') ? req.url : '/';
    res.writeHead(301, { Location: `https://${host}${httpsPort === 443 ? '' : `:${httpsPort}`}${path}`, 'Content-Length': '0' });
    res.end();
  };
}

/** Starts both servers on `host`; ports 0 pick free ones. */
export async function serve({ key, cert, host = '127.0.0.1', httpsPort = 0, httpPort = 0, app = createApp() }) {
  const https = createHttpsServer({ key, cert }, app);
  await new Promise((resolve) => https.listen(httpsPort, host, resolve));
  const securePort = https.address().port;
  const http = createHttpServer(redirectToHttps(securePort));
  await new Promise((resolve) => http.listen(httpPort, host, resolve));
  return {
    httpsPort: securePort,
    httpPort: http.address().port,
    async close() {
      https.closeAllConnections();
      http.closeAllConnections();
      await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => http.close(r))]);
    },
  };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  if (!process.env.TLS_KEY || !process.env.TLS_CERT) {
    console.error('Set TLS_KEY and TLS_CERT to PEM files (for example from mkcert), then run again.');
    process.exit(2);
  }
  const s = await serve({ key: readFileSync(process.env.TLS_KEY), cert: readFileSync(process.env.TLS_CERT), httpsPort: 8443, httpPort: 8080 });
  console.log(`https://127.0.0.1:${s.httpsPort}/ (http://127.0.0.1:${s.httpPort}/ redirects there)`);
}
