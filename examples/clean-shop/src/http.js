const logger = require('./logger');

/** One log line per request: method, path, status and time taken. */
function requestLogger(req, res, next) {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    logger.info(
      {
        method: req.method,
        path: req.baseUrl + req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        userId: req.user ? req.user.userId : undefined,
      },
      'request'
    );
  });
  next();
}

function notFound(req, res) {
  res.status(404).json({ error: 'Not found' });
}

// The details go to our log; the client gets a generic answer that reveals nothing inside.
function errorHandler(err, req, res, next) {
  if (res.headersSent) {
    // Too late to answer: let Express close the connection.
    return next(err);
  }
  const clientError = Number.isInteger(err.status) && err.status >= 400 && err.status < 500;
  if (clientError) {
    logger.warn({ status: err.status, path: req.baseUrl + req.path, reason: err.type }, 'bad request');
    return res.status(err.status).json({ error: 'The request could not be processed' });
  }
  logger.error({ err, method: req.method, path: req.baseUrl + req.path }, 'request failed');
  res.status(500).json({ error: 'Something went wrong, please try again later' });
}

module.exports = { requestLogger, notFound, errorHandler };
