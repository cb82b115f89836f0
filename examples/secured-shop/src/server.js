import { once } from 'node:events';
import express from 'express';
import { installProtection } from '@rampart/guard/protect';
import { config } from './config.js';
import { db, seed, sql } from './db.js';
import { sendMail } from './mailer.js';
import { createPayments } from './payments.js';
import { createPreviewPolicy } from './preview.js';
import { openSecrets } from './secrets.js';
import { createSecurity } from './security.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { eventRoutes } from './routes/events.js';
import { orderRoutes } from './routes/orders.js';
import { pageRoutes } from './routes/pages.js';
import { productRoutes } from './routes/products.js';

const DASHBOARD_PATH = '/_rampart/dashboard';

/** Builds the app from its secrets, listens, and prints `listening on <url>` then `dashboard on <url>`. */
export async function start() {
  const notice = (message) => process.stderr.write(`secured-shop: ${message}\n`);
  const secrets = await openSecrets(notice);
  const previewPolicy = createPreviewPolicy(config.previewHosts);
  // The import in app.js installed the hooks; this sets the shop's policy: block by default
  // (RAMPART_MODE=monitor to observe only), the preview allowlist as the only hosts user-chosen
  // URLs may reach, detections logged once through the guard's event bus.
  installProtection({ mode: process.env.RAMPART_MODE?.trim().toLowerCase() || 'block', ssrf: { allow: previewPolicy.protectAllow }, log: false });

  const security = createSecurity(secrets);
  const { guard, web, logger, dashboard, dashboardToken } = security;
  const seeded = await seed();
  if (seeded.length > 0) logger.info({ seeded }, 'database seeded');
  const deps = { ...security, payments: createPayments(secrets.get('PAYMENTS_API_KEY')), previewPolicy, mail: sendMail };

  const app = express();
  app.use(guard); // first: headers, limits, input checks, rate limit, JSON bodies, safe errors
  app.use(web.session); // req.auth from the __Host-sid cookie; CSRF on unsafe methods
  app.use(express.static(config.publicDir));

  app.use('/api/auth', authRoutes(deps));
  app.use('/api/products', productRoutes(deps));
  app.use('/api/orders', orderRoutes(deps));
  app.use('/api/events', eventRoutes(deps));
  app.use('/api/admin', adminRoutes(deps));
  app.use('/', pageRoutes());

  app.get('/health', (req, res) => {
    res.json({ status: 'ok', products: sql.countProducts.get().n });
  });

  // The dashboard's page loads its files relative to its own URL, so it lives under a path ending in '/'.
  app.get(DASHBOARD_PATH, (req, res, next) => (req.path === DASHBOARD_PATH ? res.redirect(301, `${DASHBOARD_PATH}/`) : next()));
  app.use(`${DASHBOARD_PATH}/`, dashboard);

  app.use((req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  // Last: the guard's error handler answers { error, requestId } with no stack, SQL or path and
  // logs the details (the guard would append it anyway; mounting it here makes the order visible).
  app.use(guard.errorHandler);

  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  // One write, so nothing can come between the two lines readers wait for. The token travels in the
  // URL fragment, which browsers never send to a server; a token chosen in the environment is not echoed.
  const dashboardUrl = `${url}${DASHBOARD_PATH}/${config.dashboardToken ? '' : `#token=${dashboardToken}`}`;
  process.stdout.write(`listening on ${url}\ndashboard on ${dashboardUrl}\n`);
  logger.info({ url }, `${config.shopName} started`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    await guard.close().catch(() => {});
    db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return server;
}
