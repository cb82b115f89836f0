import { ipKey } from '@rampart/core';

/**
 * The throttling key of a client address: IPv4 as is, IPv4-mapped IPv6 as the IPv4 address,
 * other IPv6 addresses cut to their prefix (/64 by default: one subscriber usually gets a whole
 * /64, so counting per address would let one attacker rotate through 2^64 of them), written
 * with all eight groups. Anything unparseable becomes `invalid`, one shared bucket, rather than
 * an unthrottled key.
 */
export function clientKey(ip: string | undefined, ipv6PrefixLength = 64): string {
  if (typeof ip !== 'string' || ip.length > 64) return 'invalid';
  let addr = ip.trim();
  const zone = addr.indexOf('%');
  if (zone !== -1) addr = addr.slice(0, zone);
  if (addr.startsWith('[') && addr.endsWith(']')) addr = addr.slice(1, -1);
  return ipKey(addr, { ipv6Prefix: ipv6PrefixLength, ipv6Style: 'full', invalidKey: 'invalid' });
}
