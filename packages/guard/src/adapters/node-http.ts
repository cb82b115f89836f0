import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Guard } from '../guard.js';
import { installRequestIdAccessor, requestState } from '../request-state.js';

/** What the wrapped handler receives: the request, with the guard's findings on it. */
export interface GuardedRequest extends IncomingMessage {
  /** The parsed JSON body when the request had one (the guard read it within the limits). */
  body?: unknown;
  requestId?: string;
  /** This request's CSP nonce, for inline <script nonce="..."> in HTML you render. */
  cspNonce?: string;
}
/** The response, with `json()`: the one way to send objects that the response filter sees. */
export interface GuardedResponse extends ServerResponse {
  /** Filters (route rule, deny list) and sends `body` as JSON; `status` defaults to 200. */
  json(body: unknown, status?: number): void;
}
export type NodeHandler = (req: GuardedRequest, res: GuardedResponse) => unknown;

/**
 * Wraps a plain node:http handler: `http.createServer(rampart.http(handler))`. A thrown error
 * or rejected promise from the handler is answered safely; so is an asynchronous crash (crash
 * guard). Objects sent with `res.json(body)` go through the response filter; bytes written with
 * `res.end()` are the handler's own business.
 */
export function nodeHttpAdapter(guard: Guard, handler: NodeHandler): (req: IncomingMessage, res: ServerResponse) => void {
  if (typeof handler !== 'function') throw new TypeError('rampart.http(handler): pass your (req, res) => {} request handler.');
  installRequestIdAccessor();
  function fail(req: GuardedRequest, res: ServerResponse, err: unknown): void {
    const state = { requestId: req.requestId ?? '', nonce: '', plainHttpLocalhost: false, guard, responseHookRan: false };
    guard.send(req, res, guard.failed(err, req, req.requestId ? state : undefined));
  }
  function json(this: GuardedResponse, body: unknown, status = 200): void {
    const req = this.req as GuardedRequest;
    const state = requestState(req);
    let value = body;
    if (state) {
      const r = guard.filterResponse(body, req, state);
      if (!r.ok) return guard.send(req, this, r.answer);
      value = r.value;
    }
    const payload = JSON.stringify(value);
    this.statusCode = status;
    this.setHeader('Content-Type', 'application/json; charset=utf-8');
    this.setHeader('Content-Length', Buffer.byteLength(payload));
    this.end(payload);
  }
  function call(req: GuardedRequest, res: ServerResponse): void {
    (res as GuardedResponse).json = json;
    try {
      const result = handler(req, res as GuardedResponse);
      if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(undefined, (err: unknown) => fail(req, res, err));
    } catch (err) {
      fail(req, res, err);
    }
  }
  return function rampartHandler(req: GuardedRequest, res: ServerResponse): void {
    const state = guard.begin(req, res);
    if (guard.hidePoweredBy) res.removeHeader('X-Powered-By');
    // req.requestId: an accessor on the prototype reads it from the state (installRequestIdAccessor).
    req.cspNonce = state.nonce;
    const refusal = guard.screen(req, res, state);
    if (refusal) return guard.send(req, res, refusal);
    const afterAdmission = (): void => {
      const reading = guard.readJson(req, state);
      if (!reading) return call(req, res);
      reading.then(
        (r) => {
          if ('answer' in r) return guard.send(req, res, r.answer);
          req.body = r.body;
          call(req, res);
        },
        (err: unknown) => fail(req, res, err),
      );
    };
    const admission = guard.admit(req, res, state);
    if (!admission) return afterAdmission();
    admission.then(
      (answer) => (answer ? guard.send(req, res, answer) : afterAdmission()),
      (err: unknown) => fail(req, res, err),
    );
  };
}
