import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

export interface RequestIdOptions {
  /** Header read from the request (when well-formed) and echoed on the response. Default 'X-Request-Id'. */
  readonly header: string;
  /** Accept the caller's id (a proxy's or another service's), so one id follows the request. Default true. */
  readonly trustIncoming: boolean;
}

export const REQUEST_ID_DEFAULTS: RequestIdOptions = Object.freeze({ header: 'X-Request-Id', trustIncoming: true });

/**
 * Ids go into logs, events and headers: only short, plain tokens are accepted, so a caller
 * cannot inject log lines, HTML or megabytes through it.
 */
const WELL_FORMED = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function isWellFormedRequestId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED.test(value);
}

export function requestIdFor(req: IncomingMessage, headerLower: string, trustIncoming: boolean, headers: IncomingHttpHeaders = req.headers): string {
  if (trustIncoming) {
    const incoming = headers[headerLower];
    if (isWellFormedRequestId(incoming)) return incoming;
  }
  return randomUUID();
}
