import type { IncomingMessage } from 'node:http';
import type { Guard } from './guard.js';
import type { ResponseHookPolicy } from './headers/response-hook.js';
import type { CompiledResponseRule } from './response-filter/index.js';

/** What the guard knows about one request; lives on the node:http request under a symbol. */
export interface RequestState {
  readonly requestId: string;
  /** This request's CSP nonce ('' when the policy uses none). */
  readonly nonce: string;
  readonly plainHttpLocalhost: boolean;
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

export function requestState(req: IncomingMessage): RequestState | undefined {
  return (req as IncomingMessage & { [kState]?: RequestState })[kState];
}

export function setRequestState(req: IncomingMessage, state: RequestState): void {
  (req as IncomingMessage & { [kState]?: RequestState })[kState] = state;
}
