import { isIPv4, isIPv6 } from 'node:net';

/**
 * The throttling key of a client address: IPv4 as is, IPv4-mapped IPv6 as the IPv4 address,
 * other IPv6 addresses cut to their prefix (/64 by default: one subscriber usually gets a whole
 * /64, so counting per address would let one attacker rotate through 2^64 of them).
 * Anything unparseable becomes `invalid`, one shared bucket, rather than an unthrottled key.
 */
export function clientKey(ip: string | undefined, ipv6PrefixLength = 64): string {
  if (typeof ip !== 'string' || ip.length > 64) return 'invalid';
  let addr = ip.trim();
  const zone = addr.indexOf('%');
  if (zone !== -1) addr = addr.slice(0, zone);
  if (addr.startsWith('[') && addr.endsWith(']')) addr = addr.slice(1, -1);
  if (isIPv4(addr)) return addr;
  if (!isIPv6(addr)) return 'invalid';
  const groups = expandIPv6(addr);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  }
  const bits = Math.max(0, Math.min(128, ipv6PrefixLength));
  const masked = groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    return keep === 0 ? 0 : g & ((0xffff << (16 - keep)) & 0xffff);
  });
  return `${masked.map((g) => g.toString(16)).join(':')}/${bits}`;
}

/** Eight 16-bit groups of a valid IPv6 address (checked by isIPv6 first), embedded IPv4 included. */
function expandIPv6(addr: string): number[] {
  let text = addr;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (isIPv4(tail)) {
    const [a, b, c, d] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  const all = rest === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return all.map((g) => parseInt(g, 16));
}
