const express = require('express');
const winston = require('winston');

const logger = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });
const app = express();

app.get('/health', (req, res) => res.json({ ok: true }));

app.use((req, res) => {
  logger.warn('route not found: ' + req.originalUrl);
  res.status(404).json({ error: 'not found' });
});

app.listen(3000);
