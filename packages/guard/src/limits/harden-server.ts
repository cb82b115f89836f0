import type { Server, ServerOptions } from 'node:http';
import { GuardSetupError } from '../setup-error.js';
import { LIMITS_DEFAULTS } from './checks.js';
import type { HardenServerOptions, RequestLimits } from './types.js';

/** Timeouts against slow clients, tighter than Node's (which let a client hold a socket for minutes). */
export const HARDEN_SERVER_DEFAULTS: Readonly<Required<HardenServerOptions>> = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxHeadersCount: 100,
  maxRequestsPerSocket: 1000,
  connectionsCheckingInterval: 1000,
});

function validated(options: HardenServerOptions): Required<HardenServerOptions> {
  for (const name of Object.keys(options)) {
    if (!(name in HARDEN_SERVER_DEFAULTS)) {
      throw new GuardSetupError(`hardenServer: unknown option '${name}'. Known options: ${Object.keys(HARDEN_SERVER_DEFAULTS).join(', ')}.`);
    }
  }
  const o = { ...HARDEN_SERVER_DEFAULTS } as Record<keyof HardenServerOptions, number>;
  for (const [name, value] of Object.entries(options)) if (value !== undefined) o[name as keyof HardenServerOptions] = value as number;
  for (const [name, value] of Object.entries(o)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new GuardSetupError(`hardenServer: ${name} must be a positive whole number${name.endsWith('Timeout') ? ' of milliseconds' : ''}, got ${String(value)}.`);
    }
  }
  if (o.headersTimeout > o.requestTimeout) {
    throw new GuardSetupError(`hardenServer: headersTimeout (${o.headersTimeout}) must not exceed requestTimeout (${o.requestTimeout}); the headers are part of the request.`);
  }
  return o;
}

/**
 * Options for http.createServer / https.createServer: the same timeouts, plus the ones Node only
 * accepts at construction (maxHeaderSize, the timeout sweep interval). Prefer this for new servers.
 */
export function serverOptions(options: HardenServerOptions = {}, limits: Pick<RequestLimits, 'maxHeaderBytes'> = LIMITS_DEFAULTS): ServerOptions {
  const o = validated(options);
  return {
    headersTimeout: o.headersTimeout,
    requestTimeout: o.requestTimeout,
    keepAliveTimeout: o.keepAliveTimeout,
    connectionsCheckingInterval: o.connectionsCheckingInterval,
    maxHeaderSize: limits.maxHeaderBytes,
  };
}

/**
 * Node runs its header/request timeout sweep from an interval created when the server starts
 * listening (the 'listening' event). On a server already past that point, restart the sweep at
 * the new interval: the interval's own callback is reused, so Node's logic is unchanged.
 * Returns false when Node's internals do not look as expected (then the old interval stays).
 */
function restartTimeoutSweep(server: Server, intervalMs: number): boolean {
  const symbol = Object.getOwnPropertySymbols(server).find((s) => s.description === 'http.server.connectionsCheckingInterval');
  if (!symbol) return false;
  const slot = server as unknown as Record<symbol, (NodeJS.Timeout & { _onTimeout?: unknown }) | undefined>;
  const timer = slot[symbol];
  const sweep = timer?._onTimeout;
  if (!timer || typeof sweep !== 'function') return false;
  clearInterval(timer);
  slot[symbol] = setInterval(sweep as () => void, intervalMs).unref();
  return true;
}

/**
 * Tightens a server against slow and greedy clients (slowloris, slow POST, idle keep-alive
 * hoarding, header floods). Works before or after listen(): Node enforces headersTimeout and
 * requestTimeout from a sweep every connectionsCheckingInterval (30 s by default), which is
 * shortened here too, restarting the sweep if the server already listens.
 */
export function hardenServer(server: Server, options: HardenServerOptions = {}): void {
  if (!server || typeof server.listen !== 'function') {
    throw new GuardSetupError('hardenServer: expected a node:http or node:https Server (the value http.createServer() or app.listen() returns).');
  }
  const o = validated(options);
  server.headersTimeout = o.headersTimeout;
  server.requestTimeout = o.requestTimeout;
  server.keepAliveTimeout = o.keepAliveTimeout;
  server.maxHeadersCount = o.maxHeadersCount;
  server.maxRequestsPerSocket = o.maxRequestsPerSocket;
  // Read when the sweep starts (on 'listening'); set it in any case for a later (re)start.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = o.connectionsCheckingInterval;
  const alreadySweeping = Object.getOwnPropertySymbols(server).some(
    (s) => s.description === 'http.server.connectionsCheckingInterval' && (server as unknown as Record<symbol, unknown>)[s] !== undefined,
  );
  if (alreadySweeping && !restartTimeoutSweep(server, o.connectionsCheckingInterval)) {
    process.emitWarning(
      'hardenServer(): the server already listens and its timeout sweep could not be restarted; timeouts apply but are ' +
        'checked at the old interval (30 s by default). Call hardenServer before listen().',
      { code: 'RAMPART_HARDEN_AFTER_LISTEN' },
    );
  }
}
