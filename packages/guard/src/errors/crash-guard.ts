import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Which request is running: AsyncLocalStorage follows a request through timers, callbacks and
 * promises, so an exception thrown asynchronously (a setTimeout in a handler, a driver
 * callback, a forgotten promise) is still tied to the request that caused it.
 */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly requestId: string;
  /** The guard that owns the request: it logs, emits the event and answers 500. */
  readonly onCrash: (err: unknown, context: RequestContext) => void;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

let installed = false;

/**
 * One process listener for every guard in the process. An uncaught exception or unhandled
 * rejection inside a request is logged with that request and answered 500; the process keeps
 * serving. Anything outside a request keeps Node's default: printed, then exit code 1, unless
 * the app installed its own listener, which then decides.
 */
export function installCrashGuard(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', onUncaught);
}

function onUncaught(err: unknown, origin: string): void {
  const context = requestContext.getStore();
  if (context) {
    try {
      context.onCrash(err, context);
    } catch {
      // The handler of last resort must not throw again: that would end the process.
    }
    return;
  }
  if (process.listenerCount('uncaughtException') > 1) return;
  const text = err instanceof Error ? (err.stack ?? String(err)) : `${origin}: ${String(err)}`;
  process.stderr.write(`${text}\n`);
  process.exit(1);
}
