import type { SecurityAction, SecurityEvent, Severity } from '@rampart/core';
import { randomUUID } from 'node:crypto';

/** The auth rules that raise events: one id each, as in logs and on the dashboard. */
export type AuthEventRule =
  | 'login-success'
  | 'login-failure'
  | 'login-throttled'
  | 'login-step-up-required'
  | 'password-rehashed'
  | 'csrf-rejected'
  | 'second-factor-failure'
  | 'logout-everywhere';

export type AuthEventSink = (event: SecurityEvent) => void;

export function authEvent(rule: AuthEventRule, action: SecurityAction, severity: Severity, message: string, extra: { ip?: string; userId?: string; method?: string; route?: string; details?: Record<string, unknown> } = {}): SecurityEvent {
  return { id: randomUUID(), time: new Date().toISOString(), kind: 'auth', practice: 2, rule, action, severity, message, ...extra };
}

/** An event sink that throws must never break a login. */
export function safeSink(sink: AuthEventSink | undefined): AuthEventSink {
  return (event) => {
    try {
      sink?.(event);
    } catch {
      /* the app's logger failed; authentication goes on */
    }
  };
}
