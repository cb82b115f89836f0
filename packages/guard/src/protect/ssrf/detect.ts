import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';
import { isInternalAddress, normalizeLegacyIPv4 } from './address.js';

/** The user input that chose this host, if any: the host (or host:port) occurs inside an input. */
export function hostFromUserInput(host: string, port: string | number | undefined, inputs: readonly UserInput[]): UserInput | undefined {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare.length < 2) return undefined;
  for (const input of inputs) {
    const v = input.value.toLowerCase();
    if (v.includes(bare)) return input;
    // URL parsing rewrites hosts (2130706433 and 0x7f.1 become 127.0.0.1): compare parsed forms too.
    if (v.includes('://') && v.length < 2048) {
      try {
        if (new URL(v).hostname.replace(/^\[|\]$/g, '') === bare) return input;
      } catch {
        /* not a URL */
      }
    }
  }
  void port;
  return undefined;
}

export function isAllowedHost(host: string, port: string | number | undefined, allow: readonly string[]): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return allow.includes(bare) || (port !== undefined && port !== '' && allow.includes(`${bare}:${port}`));
}

/**
 * SSRF, the synchronous part: a user-chosen host that is itself an internal IP literal (any
 * spelling). Host names are checked on the resolved address by the lookup hook instead.
 */
export function detectSsrfLiteral(host: string, input: UserInput): Inspection & { source?: string } {
  const bare = host.replace(/^\[|\]$/g, '');
  const address = normalizeLegacyIPv4(bare) ?? bare;
  if (isInternalAddress(address)) {
    return { attack: true, kind: 'ssrf', payload: input.value, reason: `user-chosen host ${host} is an internal address`, source: input.source };
  }
  return NO_ATTACK;
}

export function detectSsrfResolved(host: string, address: string, input: UserInput): Inspection & { source?: string } {
  if (isInternalAddress(address)) {
    return { attack: true, kind: 'ssrf', payload: input.value, reason: `user-chosen host ${host} resolves to internal address ${address}`, source: input.source };
  }
  return NO_ATTACK;
}
