import type { SecurityEvent } from '@rampart/core';
import type { EventInput } from './types.js';

export const REDACTED = '[REDACTED]';

/**
 * Field names whose values are never logged or stored. Matched against the whole key, case- and
 * separator-insensitively (`api_key`, `apiKey`, `X-Api-Key`).
 */
export const SECRET_FIELD_NAMES: readonly string[] = Object.freeze([
  'password', 'passwd', 'pwd', 'passphrase', 'pass', 'secret', 'clientsecret', 'token', 'accesstoken', 'refreshtoken',
  'idtoken', 'apikey', 'xapikey', 'authorization', 'proxyauthorization', 'cookie', 'setcookie', 'session', 'sessionid',
  'sid', 'privatekey', 'credential', 'credentials', 'ssn', 'creditcard', 'cardnumber', 'cvv', 'cvc', 'pin', 'otp',
  'totp', 'mfacode', 'passwordhash', 'hash', 'salt', 'jwt', 'bearer', 'signature', 'xcsrftoken', 'csrftoken',
]);
const SECRET_NAME_SET = new Set(SECRET_FIELD_NAMES);
/** Suffixes that make any name secret (`dbPassword`, `stripeSecret`, `githubToken`). */
const SECRET_SUFFIXES = ['password', 'secret', 'token', 'apikey', 'privatekey', 'passphrase'];

/**
 * Secret-looking values redacted wherever they appear in text. Each pattern is linear-time
 * (no nested quantifiers) and bounded, since payloads come from attackers.
 */
export const SECRET_VALUE_PATTERNS: readonly RegExp[] = Object.freeze([
  /\beyJ[A-Za-z0-9_-]{8,2000}\.[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{0,2000}/g, // JWT
  /\bBearer\s{1,5}[A-Za-z0-9._~+/=-]{8,4000}/gi,
  /\bBasic\s{1,5}[A-Za-z0-9+/=]{8,1000}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id
  /\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,200}/g, // Stripe
  /\bgh[pousr]_[A-Za-z0-9]{36,255}/g, // GitHub
  /\bxox[abprs]-[A-Za-z0-9-]{10,200}/g, // Slack
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\s\S]{0,8000}?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|$)/g,
  /\b(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqps?):\/\/[^:\s/@]{1,200}:[^@\s]{1,200}@/gi, // credentials in URLs
]);

export function isSecretFieldName(name: string): boolean {
  const folded = name.toLowerCase().replace(/[-_.\s]/g, '');
  if (SECRET_NAME_SET.has(folded)) return true;
  return SECRET_SUFFIXES.some((s) => folded.endsWith(s));
}

/** Longest string kept in an event; the rest is cut with a marker. */
const MAX_STRING = 1000;
const MAX_PAYLOAD = 200;
const MAX_DEPTH = 6;
const MAX_KEYS = 50;

export function redactText(text: string, max = MAX_STRING): string {
  let out = text.length > max * 4 ? text.slice(0, max * 4) : text;
  for (const pattern of SECRET_VALUE_PATTERNS) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, REDACTED);
  }
  return out.length > max ? `${out.slice(0, max)}…[truncated]` : out;
}

/**
 * A JSON-safe, redacted, size-bounded copy of `value`, built iteratively (no recursion, so a
 * hostile nested object cannot overflow the stack). Cycles and functions are dropped.
 */
export function redactValue(value: unknown): unknown {
  const root: { v: unknown } = { v: undefined };
  const seen = new WeakSet<object>();
  const stack: Array<{ src: unknown; set: (v: unknown) => void; depth: number }> = [{ src: value, set: (v) => (root.v = v), depth: 0 }];
  while (stack.length > 0) {
    const { src, set, depth } = stack.pop()!;
    if (typeof src === 'string') set(redactText(src));
    else if (typeof src === 'number' || typeof src === 'boolean' || src === null) set(src);
    else if (typeof src === 'bigint') set(String(src));
    else if (src instanceof Date) set(Number.isNaN(src.getTime()) ? null : src.toISOString());
    else if (typeof src === 'object') {
      if (seen.has(src) || depth >= MAX_DEPTH) {
        set('[…]');
        continue;
      }
      seen.add(src);
      if (Array.isArray(src)) {
        const out: unknown[] = [];
        set(out);
        const n = Math.min(src.length, MAX_KEYS);
        for (let i = 0; i < n; i++) stack.push({ src: src[i], set: (v) => (out[i] = v), depth: depth + 1 });
      } else {
        const out: Record<string, unknown> = {};
        set(out);
        let count = 0;
        for (const key of Object.keys(src)) {
          if (count++ >= MAX_KEYS) break;
          // Prototype keys would be harmless on a plain copy but confuse readers; keep them as data.
          const safeKey = key.length > 100 ? key.slice(0, 100) : key;
          if (isSecretFieldName(key)) {
            Object.defineProperty(out, safeKey, { value: REDACTED, enumerable: true, writable: true, configurable: true });
            continue;
          }
          const child = (src as Record<string, unknown>)[key];
          stack.push({
            src: child,
            set: (v) => Object.defineProperty(out, safeKey, { value: v, enumerable: true, writable: true, configurable: true }),
            depth: depth + 1,
          });
        }
      }
    }
    // undefined, functions and symbols are left out, as JSON.stringify would.
  }
  return root.v;
}

/** The event as stored and logged: strings bounded, the attack payload cut to 200 chars, secrets redacted. */
export function buildEvent(input: EventInput, id: string, time: string): SecurityEvent {
  const text = (v: unknown, max = 200) => (typeof v === 'string' ? redactText(v, max) : undefined);
  const event: { -readonly [K in keyof SecurityEvent]: SecurityEvent[K] } = {
    id,
    time,
    kind: input.kind,
    practice: input.practice,
    rule: String(input.rule).slice(0, 100),
    action: input.action,
    severity: input.severity,
    message: text(input.message, MAX_STRING) ?? '',
  };
  if (input.requestId !== undefined) event.requestId = text(input.requestId, 100);
  if (input.ip !== undefined) event.ip = text(input.ip, 64);
  if (input.method !== undefined) event.method = text(input.method, 16);
  if (input.route !== undefined) event.route = text(input.route, 200);
  if (input.userId !== undefined) event.userId = text(input.userId, 200);
  if (input.attack) {
    event.attack = {
      payload: redactText(String(input.attack.payload ?? ''), MAX_PAYLOAD),
      ...(input.attack.source !== undefined && { source: text(input.attack.source) }),
      ...(input.attack.sink !== undefined && { sink: text(input.attack.sink) }),
      ...(input.attack.frame !== undefined && { frame: text(input.attack.frame, 300) }),
    };
  }
  if (input.details !== undefined) event.details = redactValue(input.details) as Record<string, unknown>;
  return event;
}
