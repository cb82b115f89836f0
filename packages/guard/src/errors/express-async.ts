/**
 * Express 4 calls a handler and ignores the promise it returns, so a rejected async handler
 * never reaches the error middleware and becomes an unhandled rejection. Express 5 (router 2)
 * forwards it already. Decision: patch Express 4's router Layer once (found through the live
 * router stack, so the app's own copy of Express is patched, never another one) so that a
 * returned rejection goes to next(err), like Express 5. Handlers and error handlers both.
 */
const kPatched = Symbol.for('rampart.express4AsyncPatched');

interface Layer4 {
  handle: (...args: unknown[]) => unknown;
  handle_request?: (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
  handle_error?: (err: unknown, req: unknown, res: unknown, next: (err?: unknown) => void) => void;
}

function forwardRejection(result: unknown, next: (err?: unknown) => void): void {
  if (result !== null && typeof result === 'object' && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(undefined, (err: unknown) => next(err ?? new Error('Rejected with a falsy reason')));
  }
}

/** Patches the Layer class of an Express 4 router; a no-op for Express 5 or when already done. */
export function patchExpress4Layer(layer: unknown): boolean {
  if (layer === null || typeof layer !== 'object') return false;
  const proto = Object.getPrototypeOf(layer) as Layer4 & { [kPatched]?: boolean };
  if (!proto || proto[kPatched] || typeof proto.handle_request !== 'function' || typeof proto.handle_error !== 'function') return false;
  // Express 5's router Layer is promise-aware: its handle_request has a different shape (`handleRequest`).
  proto.handle_request = function handle(this: Layer4, req, res, next) {
    const fn = this.handle;
    if (fn.length > 3) return next();
    try {
      forwardRejection(fn(req, res, next), next);
    } catch (err) {
      next(err);
    }
  };
  proto.handle_error = function handleError(this: Layer4, error, req, res, next) {
    const fn = this.handle;
    if (fn.length !== 4) return next(error);
    try {
      forwardRejection(fn(error, req, res, next), next);
    } catch (err) {
      next(err);
    }
  };
  proto[kPatched] = true;
  return true;
}
