/**
 * The attack kinds runtime protection detects: a closed union, so events, docs and the
 * dashboard can list every kind.
 */
export type AttackKind = 'sql-injection' | 'shell-injection' | 'path-traversal' | 'ssrf' | 'reflected-xss' | 'prototype-pollution' | 'nosql-injection' | 'code-injection';

export const ATTACK_KINDS: readonly AttackKind[] = Object.freeze([
  'sql-injection',
  'shell-injection',
  'path-traversal',
  'ssrf',
  'reflected-xss',
  'prototype-pollution',
  'nosql-injection',
  'code-injection',
]);

/** What a detector returns: never throws, never blocks by itself. */
export type Inspection =
  | { readonly attack: false }
  | { readonly attack: true; readonly kind: AttackKind; readonly payload: string; readonly reason: string };

export const NO_ATTACK: Inspection = Object.freeze({ attack: false });

/**
 * Thrown from a sink in block mode so the dangerous operation never runs. It carries the HTTP
 * status the frameworks read (Express `status`, Koa `status` + `expose`, Fastify `statusCode`),
 * so the app's own error handling answers a safe 403 naming the request id.
 */
export class AttackBlockedError extends Error {
  readonly status = 403;
  readonly statusCode = 403;
  readonly expose = true;
  readonly code = 'RAMPART_ATTACK_BLOCKED';
  constructor(
    /** The attack, or `blocklist` for a refused IP, user or bot. */
    readonly kind: AttackKind | 'blocklist',
    readonly requestId: string | undefined,
  ) {
    super(`Request blocked by Rampart${requestId ? ` (request id ${requestId})` : ''}`);
    this.name = 'AttackBlockedError';
  }
}
