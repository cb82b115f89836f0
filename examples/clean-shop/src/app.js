const express = require('express');
const helmet = require('helmet');
const path = require('node:path');
const config = require('./config');
const { db, seed } = require('./db');
const logger = require('./logger');
const { requestLogger, notFound, errorHandler } = require('./http');

const app = express();
app.disable('x-powered-by');

app.use(helmet());
app.use(requestLogger);
app.use(express.json({ limit: '10kb' }));
app.use(express.static(path.join(__dirname, '..', 'public')));

app.use('/api/auth', require('./routes/auth'));
app.use('/api/products', require('./routes/products'));
app.use('/api/orders', require('./routes/orders'));
app.use('/api/events', require('./routes/events'));
app.use('/api/admin', require('./routes/admin'));
app.use('/', require('./routes/pages'));

app.get('/health', (req, res) => {
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM products').get();
  res.json({ status: 'ok', products: n });
});

app.use(notFound);
app.use(errorHandler);

seed()
  .then(() => {
    app.listen(config.port, () => {
      logger.info({ port: config.port }, `${config.shopName} listening on http://localhost:${config.port}`);
    });
  })
  .catch((err) => {
    logger.fatal({ err }, 'could not start');
    process.exitCode = 1;
  });
