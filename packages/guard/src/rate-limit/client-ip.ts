import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { ipKey } from '@rampart/core';
import { GuardSetupError } from '../setup-error.js';
import type { TrustProxy } from './types.js';

/** A rate-limit option that cannot work; thrown at setup with the fix in the message. */
export class RateLimitSetupError extends GuardSetupError {
  override name = 'RateLimitSetupError';
}

/** Address ranges a trustProxy list may name instead of spelling out CIDRs (as Express does). */
const TRUST_PROXY_PRESETS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
});

/** Hop counts above this are a typo, not a topology. */
const MAX_TRUSTED_HOPS = 32;
/** X-Forwarded-For entries looked at; a longer header is attacker-padded. */
const MAX_FORWARDED_ENTRIES = 64;

/** '::ffff:1.2.3.4' (IPv4 on a dual-stack socket) as '1.2.3.4', zone ids dropped, brackets removed. */
export function normalizeIp(raw: string): string | undefined {
  let ip = raw.trim();
  if (ip.length === 0 || ip.length > 64) return undefined;
  if (ip.startsWith('[')) {
    const end = ip.indexOf(']');
    if (end < 0) return undefined;
    ip = ip.slice(1, end);
  } else if (ip.includes('.') && ip.includes(':') && ip.indexOf(':') === ip.lastIndexOf(':')) {
    // "1.2.3.4:5678": an IPv4 address with a port, as some proxies write it.
    ip = ip.slice(0, ip.indexOf(':'));
  }
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6) return undefined;
  const lower = ip.toLowerCase();
  if (lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4) return lower.slice(7);
  return lower;
}

/**
 * The rate-limit key for an address: IPv4 as is, IPv6 by its /64 prefix (one subscriber gets a
 * whole /64 and can rotate through 2^64 addresses, so a per-address key would not limit anyone).
 * `ipv6Prefix` (default 64) widens the group, e.g. 56 for providers that hand out /56s.
 * Input that is not an IP address is returned unchanged.
 */
export function ipRateKey(ip: string, ipv6Prefix = 64): string {
  const normalized = normalizeIp(ip);
  if (normalized === undefined) return ip;
  return rateKeyOfNormalized(normalized, ipv6Prefix);
}

/** ipRateKey for an address normalizeIp already returned (the resolver's output): no second parse. */
export function rateKeyOfNormalized(normalized: string, ipv6Prefix: number): string {
  if (!normalized.includes(':')) return normalized;
  // normalizeIp already turned ::ffff:a.b.c.d into a.b.c.d; other spellings stay IPv6 keys.
  return ipKey(normalized, { ipv6Prefix, mapIPv4: false });
}

/** Checks a trustProxy value at setup; `true` and malformed entries throw with the fix. */
export function validateTrustProxy(value: unknown, option = 'trustProxy'): TrustProxy {
  if (value === undefined || value === false) return false;
  if (value === true) {
    throw new RateLimitSetupError(
      `${option}: true is refused. Trusting every proxy lets any client send its own X-Forwarded-For ` +
        `header, so a rotating spoofed address bypasses every IP rate limit. Set ${option} to the number ` +
        `of reverse proxies in front of the app (e.g. 1 behind one load balancer) or to their addresses ` +
        `or CIDR ranges (e.g. ['10.0.0.0/8']).`,
    );
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > MAX_TRUSTED_HOPS) {
      throw new RateLimitSetupError(`${option}: expected a whole number of proxy hops from 0 to ${MAX_TRUSTED_HOPS}, got ${value}.`);
    }
    return value;
  }
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry !== 'string' || parseRange(entry) === undefined) {
        throw new RateLimitSetupError(
          `${option}: ${JSON.stringify(entry)} is not an IP address, a CIDR range ('10.0.0.0/8') or one of ` +
            `${Object.keys(TRUST_PROXY_PRESETS).join(', ')}.`,
        );
      }
    }
    return Object.freeze([...value]) as readonly string[];
  }
  if (typeof value === 'string') {
    throw new RateLimitSetupError(
      `${option}: expected a list, got the string ${JSON.stringify(value.slice(0, 60))}. Write ${option}: [${value
        .split(',')
        .map((v) => `'${v.trim().slice(0, 40)}'`)
        .join(', ')}] (addresses, CIDR ranges or loopback/linklocal/uniquelocal), or a hop count such as 1.`,
    );
  }
  throw new RateLimitSetupError(`${option}: expected false, a hop count or a list of proxy addresses/CIDR ranges, got ${typeof value}.`);
}

type Range = { address: string; prefix: number; family: 'ipv4' | 'ipv6' };

function parseRange(entry: string): Range[] | undefined {
  const preset = TRUST_PROXY_PRESETS[entry];
  if (preset) return preset.map((p) => parseRange(p)![0]);
  const slash = entry.indexOf('/');
  const address = normalizeIp(slash < 0 ? entry : entry.slice(0, slash));
  if (address === undefined) return undefined;
  const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
  const max = family === 'ipv4' ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : entry.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return [{ address, prefix, family }];
}

/** Resolves the client address of a request; built once per trustProxy setting. */
export type ClientIpResolver = (req: IncomingMessage) => string;

/** Builds the resolver for a validated trustProxy: the work (CIDR parsing) happens here, once. */
export function createClientIpResolver(trustProxy: TrustProxy): ClientIpResolver {
  const trust = validateTrustProxy(trustProxy);
  if (trust === false || trust === 0) return (req) => socketIp(req);
  if (typeof trust === 'number') {
    return (req) => {
      const chain = forwardedChain(req);
      // chain = [client?, proxy1, ..., socket]; each trusted hop wrote the entry to its left.
      for (let i = chain.length - 1, hops = 0; i >= 0; i--, hops++) {
        if (hops === trust || i === 0) return chain[i];
        if (normalizeIp(chain[i - 1]) === undefined) return chain[i];
      }
      return socketIp(req);
    };
  }
  const list = new BlockList();
  for (const entry of trust) {
    for (const range of parseRange(entry)!) list.addSubnet(range.address, range.prefix, range.family);
  }
  const trusted = (ip: string) => {
    const version = isIP(ip);
    return version !== 0 && list.check(ip, version === 4 ? 'ipv4' : 'ipv6');
  };
  return (req) => {
    const chain = forwardedChain(req);
    // Walk left from the socket while the address is one of our proxies.
    let i = chain.length - 1;
    while (i > 0 && trusted(chain[i]) && normalizeIp(chain[i - 1]) !== undefined) i--;
    return chain[i];
  };
}

/** Normalized address per socket: a keep-alive connection carries many requests from one address. */
const socketAddresses = new WeakMap<object, string>();

function socketIp(req: IncomingMessage): string {
  const socket = req.socket;
  if (!socket) return 'unknown';
  let ip = socketAddresses.get(socket);
  if (ip === undefined) {
    const remote = socket.remoteAddress;
    // Not cached while unknown: a socket may not have its address yet.
    if (!remote) return 'unknown';
    ip = normalizeIp(remote) ?? 'unknown';
    socketAddresses.set(socket, ip);
  }
  return ip;
}

/** [leftmost X-Forwarded-For entry, ..., rightmost, socket address], entries normalized when valid. */
function forwardedChain(req: IncomingMessage): string[] {
  const socket = socketIp(req);
  const header = req.headers['x-forwarded-for'];
  if (header === undefined) return [socket];
  // Node joins repeated X-Forwarded-For headers with ', ', which is the order proxies appended them.
  const text = Array.isArray(header) ? header.join(',') : header;
  const raw = text.split(',');
  const entries = raw.length > MAX_FORWARDED_ENTRIES ? raw.slice(raw.length - MAX_FORWARDED_ENTRIES) : raw;
  const chain = entries.map((e) => normalizeIp(e) ?? e.trim());
  chain.push(socket);
  return chain;
}

const resolverCache = new WeakMap<readonly string[], ClientIpResolver>();
const numericResolvers = new Map<number | false, ClientIpResolver>();

/**
 * The client IP of a request: the socket address, or with `trustProxy` the address the trusted
 * proxies saw. Prefer createClientIpResolver in hot paths; this caches the resolver per setting.
 */
export function clientIp(req: IncomingMessage, trustProxy: TrustProxy): string {
  let resolve: ClientIpResolver | undefined;
  if (Array.isArray(trustProxy)) {
    resolve = resolverCache.get(trustProxy);
    if (!resolve) resolverCache.set(trustProxy, (resolve = createClientIpResolver(trustProxy)));
  } else {
    const k = trustProxy as number | false;
    resolve = numericResolvers.get(k);
    if (!resolve) numericResolvers.set(k, (resolve = createClientIpResolver(k)));
  }
  return resolve(req);
}
