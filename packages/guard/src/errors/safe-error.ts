import type { IncomingMessage } from 'node:http';

/**
 * The answer sent for a failed request. 5xx: a fixed text, never the error's message, stack,
 * file path, SQL or secret. Deliberate 4xx (http-errors style: `status`/`statusCode` below
 * 500 and `expose` not false) keep their message: the app chose to tell the client.
 */
export interface SafeAnswer {
  readonly status: number;
  readonly body: { readonly error: string; readonly requestId: string; readonly details?: readonly string[] };
  readonly headers?: Readonly<Record<string, string>>;
}

const STATUS_TEXT: Readonly<Record<number, string>> = Object.freeze({
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal error',
  503: 'Service unavailable',
});

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? 'Internal error' : 'Bad request');
}

/** The HTTP status an error asks for, or 500. */
export function errorStatus(err: unknown): number {
  if (err === null || typeof err !== 'object') return 500;
  const e = err as { status?: unknown; statusCode?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

/** A 4xx the app raised on purpose, whose message is meant for the client. */
export function isDeliberateClientError(err: unknown): boolean {
  const status = errorStatus(err);
  if (status >= 500) return false;
  return (err as { expose?: unknown }).expose !== false;
}

/** One printable line, no control characters, bounded: a message that goes back to the client. */
export function clientMessage(message: unknown, status: number): string {
  if (typeof message !== 'string' || message.length === 0) return statusText(status);
  // eslint-disable-next-line no-control-regex
  const clean = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean || statusText(status);
}

export function safeAnswerFor(err: unknown, requestId: string): SafeAnswer {
  const status = errorStatus(err);
  if (isDeliberateClientError(err)) return { status, body: { error: clientMessage((err as Error).message, status), requestId } };
  return { status: status >= 500 ? status : 500, body: { error: statusText(status >= 500 ? status : 500), requestId } };
}

/** Browsers (Accept names text/html before JSON) get a small page; everyone else JSON. */
export function prefersHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (typeof accept !== 'string' || accept.length > 1024) return false;
  const html = accept.indexOf('text/html');
  if (html < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || html < json;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** The bytes and type of an answer for this request. */
export function renderAnswer(req: IncomingMessage, answer: SafeAnswer): { contentType: string; payload: string } {
  if (prefersHtml(req)) {
    const title = escapeHtml(answer.body.error);
    const details = answer.body.details?.length ? `<ul>${answer.body.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
    return {
      contentType: 'text/html; charset=utf-8',
      payload: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${answer.status} ${title}</title></head><body><h1>${title}</h1>${details}<p>Request id: <code>${escapeHtml(answer.body.requestId)}</code></p></body></html>`,
    };
  }
  return { contentType: 'application/json; charset=utf-8', payload: JSON.stringify(answer.body) };
}
