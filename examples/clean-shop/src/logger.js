const pino = require('pino');

// JSON logs to stdout; the platform ships them. Credentials never reach the log.
const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'req.headers.cookie', 'req.headers.authorization'],
    censor: '[redacted]',
  },
});

module.exports = logger;
