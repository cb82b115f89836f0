import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { SecurityEvent } from '@rampart/core';
import { AttackBlockedError } from '../attack.js';
import { modeFor } from '../check.js';
import { eventRoute, type RequestContext } from '../context.js';
import { emitDetection, requestIdOf } from '../events.js';
import { Blocklist, normalizeIp, type BlocklistSettings, type Refusal, type UserIdentity } from './index.js';

let active: Blocklist | undefined;
let logEvents = true;
let identify: UserIdentity | undefined;

/** Replaces the process's block lists (closing a previous shared store). */
export function setActiveBlocklist(settings: BlocklistSettings, log: boolean): void {
  void active?.close();
  active = new Blocklist(settings);
  logEvents = log;
}

function blocklist(): Blocklist {
  // Installed by installProtection; a bare import of this module still gets an in-memory list.
  active ??= new Blocklist({ ips: [], users: [], bots: [], autoBlock: false, redis: false });
  return active;
}

/**
 * How the app names a request's user, e.g. `setUserIdentity((req) => req.user?.id)`: read when a
 * sink is checked and when the request answers, so authentication middleware has run by then.
 */
export function setUserIdentity(fn: UserIdentity | undefined): void {
  identify = fn;
}

export interface BlockOptions {
  /** Block for this long; without it the block lasts until unblocked. */
  readonly seconds?: number;
}

/** Refuse every request from this IP (shared through the Redis store when configured). */
export const blockIp = (ip: string, options: BlockOptions = {}) => blocklist().block('ip', ip, options.seconds);
export const unblockIp = (ip: string) => blocklist().unblock('ip', ip);
/** Refuse every request of this user (as named by setUserIdentity or setRequestInput({ userId })). */
export const blockUser = (userId: string, options: BlockOptions = {}) => blocklist().block('user', userId, options.seconds);
export const unblockUser = (userId: string) => blocklist().unblock('user', userId);
/** Resolves once a Redis-shared block list has loaded the current blocks. */
export const blocklistReady = () => blocklist().ready;

const REASONS: Record<Refusal['rule'], string> = {
  'blocked-ip': 'the client IP is on the block list',
  'blocked-user': 'the user is on the block list',
  'bad-bot': 'the user agent is an attack tool or scanner',
};

function event(ctx: RequestContext, rule: string, message: string, action: 'blocked' | 'monitored', details: Record<string, unknown>): SecurityEvent {
  return Object.freeze({
    id: randomUUID(),
    time: new Date().toISOString(),
    kind: 'blocklist',
    practice: 11,
    rule,
    action,
    severity: 'medium',
    message,
    requestId: requestIdOf(ctx),
    ip: ctx.ip,
    method: ctx.method,
    route: eventRoute(ctx),
    userId: ctx.userId,
    details: Object.freeze(details),
  }) as SecurityEvent;
}

/** Records the refusal; true when the request must be refused (block mode for its route). */
function refuse(ctx: RequestContext, refusal: Refusal): boolean {
  const blocked = modeFor(ctx) === 'block';
  const message = `${refusal.rule} ${blocked ? 'refused' : 'detected'}: ${REASONS[refusal.rule]}`;
  emitDetection(event(ctx, refusal.rule, message, blocked ? 'blocked' : 'monitored', { value: refusal.value }), logEvents);
  return blocked;
}

/** The user of this request, from setRequestInput({ userId }) or the identity function. */
function userIdOf(ctx: RequestContext): string | undefined {
  if (ctx.userId !== undefined || !identify || !ctx.req) return ctx.userId;
  try {
    const id = identify(ctx.req);
    if (id === undefined || id === null || id === '') return undefined;
    ctx.userId = String(id);
  } catch {
    /* a failing identity function means no user, never a broken request */
  }
  return ctx.userId;
}

/** The safe 403, written directly (the request never reaches the app). */
export function answerRefused(res: ServerResponse, requestId: string | undefined, end: (this: ServerResponse, body: string) => unknown = res.end): unknown {
  const body = new AttackBlockedError('blocklist', requestId).message;
  res.statusCode = 403;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  return end.call(res, body);
}

/** At the request's arrival: a blocked IP or a bot user agent. True when it was answered 403. */
export function refuseAtArrival(ctx: RequestContext, req: IncomingMessage, res: ServerResponse | undefined): boolean {
  if (!res || modeFor(ctx) === 'off') return false;
  const ua = req.headers['user-agent'];
  const list = blocklist();
  const refusal = list.refuseConnection(list.checksIps ? ctx.ip : undefined, typeof ua === 'string' ? ua : undefined);
  if (!refusal || !refuse(ctx, refusal)) return false;
  answerRefused(res, requestIdOf(ctx));
  return true;
}

/**
 * Once the user is known (a sink check, the answer, setRequestInput): throws the 403 error when
 * the user is blocked, so the sink never runs and the framework answers 403.
 */
export function checkUser(ctx: RequestContext): void {
  const list = blocklist();
  if (!list.checksUsers || modeFor(ctx) === 'off') return;
  if (ctx.refused === undefined) {
    const userId = userIdOf(ctx);
    if (userId === undefined) return; // not known yet: checked again at the next sink or the answer
    const refusal = list.refuseUser(userId);
    ctx.refused = refusal ? refuse(ctx, refusal) : false;
  }
  if (ctx.refused) throw new AttackBlockedError('blocklist', requestIdOf(ctx));
}

/** True when some user is listed or blocked, so answers must check the request's user. */
export function usersChecked(): boolean {
  return blocklist().checksUsers;
}

/** Counts a detection toward the IP's auto-block; records the block when it happens. */
export function countDetection(ctx: RequestContext): void {
  const peer = ctx.ip;
  if (!peer) return;
  void blocklist()
    .recordDetection(peer)
    .then((blocked) => {
      if (!blocked) return;
      const ip = normalizeIp(peer);
      emitDetection(event(ctx, 'auto-block', `auto-block: ${ip} blocked after repeated attacks`, 'blocked', { value: ip }), logEvents);
    })
    .catch(() => {});
}
