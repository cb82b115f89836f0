import escapeHtml from 'escape-html';

export class NotFoundError extends Error {
  constructor(message) {
    super(message);
    this.status = 404;
  }
}

export function htmlErrorHandler(err, req, res, next) {
  const status = err.status ?? 500;
  res.status(status).send(`<!doctype html><h1>${status}</h1><p>${escapeHtml(err.message)}</p>`);
}
