const express = require('express');
const path = require('path');
const config = require('../config/default.json');
const db = require('./db');

const app = express();

app.use(express.json());
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

const port = process.env.PORT || config.port;
const server = app.listen(port, process.env.HOST || '127.0.0.1', () => {
  console.log(`listening on http://${server.address().address}:${server.address().port}`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
