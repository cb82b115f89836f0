import { IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import type { Guard } from './guard.js';
import type { ResponseHookPolicy } from './headers/response-hook.js';
import type { CompiledResponseRule } from './response-filter/index.js';

/** What the guard knows about one request; lives on the node:http request under a symbol. */
export interface RequestState {
  readonly requestId: string;
  /** This request's CSP nonce ('' when the policy uses none). */
  readonly nonce: string;
  readonly plainHttpLocalhost: boolean;
  /**
   * `req.headers` as the guard read it at the start: Node builds it in a getter that Express
   * requests reach through a swapped prototype, a slow lookup worth making once per request.
   */
  readonly headers?: IncomingHttpHeaders;
  /** The guard that saw the request first (route validators emit their events through it). */
  readonly guard: Guard;
  /** What the writeHead hook enforces for this response (cookie flags, no-store), if anything. */
  readonly responseHook?: ResponseHookPolicy;
  /** Set by the writeHead hook once it ran. */
  responseHookRan: boolean;
  /** Set by a route's `validate({ response })`. */
  responseRule?: CompiledResponseRule;
  /** Parsed, validated values from `validate()`. */
  validated?: { body?: unknown; query?: unknown; params?: unknown; headers?: unknown };
}

export const kState = Symbol.for('rampart.requestState');

/**
 * Where a request's state lives depends on its prototype. Express swaps a request's prototype
 * before any middleware runs, and a property added after that costs a hidden-class migration
 * (several thousand instructions) on every request: those states go into one WeakMap per process
 * (under a global symbol, so two copies of the package share it). A request still on node's own
 * prototype (Fastify, Koa, node:http) keeps its state in a property under the same symbol, which
 * is cheaper than a WeakMap entry there. Readers look in the WeakMap first: a miss costs little
 * for an object that was never a key, and a request whose prototype an app swaps later (a
 * node:http guard in front of an Express app) is still found through its property.
 */
const registry = globalThis as typeof globalThis & { [kState]?: WeakMap<object, RequestState> };
const states: WeakMap<object, RequestState> = (registry[kState] ??= new WeakMap());
const nodeRequestPrototype: object = IncomingMessage.prototype;

type WithState = IncomingMessage & { [kState]?: RequestState };

export function requestState(req: IncomingMessage): RequestState | undefined {
  return states.get(req) ?? (req as WithState)[kState];
}

export function setRequestState(req: IncomingMessage, state: RequestState): void {
  if (Object.getPrototypeOf(req) === nodeRequestPrototype) (req as WithState)[kState] = state;
  else states.set(req, state);
}

let requestIdInstalled = false;

/**
 * `req.requestId` (Express, node:http) for every request a guard began, as one accessor on
 * IncomingMessage.prototype instead of a property added to each request: Express swaps a
 * request's prototype, so every added property costs a hidden-class transition. Requests no
 * guard saw read undefined, as before; assigning `req.requestId` gives the request its own value.
 */
export function installRequestIdAccessor(): void {
  if (requestIdInstalled || Object.prototype.hasOwnProperty.call(IncomingMessage.prototype, 'requestId')) return;
  requestIdInstalled = true;
  Object.defineProperty(IncomingMessage.prototype, 'requestId', {
    configurable: true,
    enumerable: false,
    get(this: IncomingMessage): string | undefined {
      return requestState(this)?.requestId;
    },
    set(this: IncomingMessage, value: unknown) {
      Object.defineProperty(this, 'requestId', { configurable: true, enumerable: true, writable: true, value });
    },
  });
}
