import { isIP } from 'node:net';
import { parseIpAddress } from '@rampart/core';

/**
 * Private, loopback, link-local, unique-local, carrier-grade NAT, unspecified and cloud
 * metadata ranges: addresses a server can reach but an outside user must not make it reach.
 */
const PRIVATE_V4: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 CGNAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // 169.254/16 link-local, incl. 169.254.169.254 metadata
  [0xac100000, 12], // 172.16/12
  [0xc0000000, 24], // 192.0.0/24
  [0xc0a80000, 16], // 192.168/16
  [0xc6120000, 15], // 198.18/15 benchmarking
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved + broadcast
];

function v4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

function isPrivateV4(ip: string): boolean {
  const n = v4ToInt(ip);
  if (n === undefined) return false;
  return PRIVATE_V4.some(([base, bits]) => (n >>> (32 - bits)) === (base >>> (32 - bits)));
}

function isPrivateV6(ip: string): boolean {
  const parsed = parseIpAddress(ip.split('%')[0]!);
  if (parsed?.family !== 6) return false;
  const g = parsed.groups;
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms reach the embedded IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return isPrivateV4(`${g[6]! >>> 8}.${g[6]! & 255}.${g[7]! >>> 8}.${g[7]! & 255}`);
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local, incl. fd00:ec2::254 metadata
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x64 && g[1] === 0xff9b) return isPrivateV4(`${g[6]! >>> 8}.${g[6]! & 255}.${g[7]! >>> 8}.${g[7]! & 255}`); // NAT64
  return false;
}

/** True for an IP address (v4 or v6, any zone) a user-chosen URL must not reach. */
export function isInternalAddress(address: string): boolean {
  const a = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(a.split('%')[0]!);
  if (family === 4) return isPrivateV4(a);
  if (family === 6) return isPrivateV6(a);
  return false;
}

/**
 * IPv4 spellings that resolvers accept but isIP does not: 2130706433, 0x7f.1, 017700000001.
 * Returns the dotted form, or undefined when the host is not such a number.
 */
export function normalizeLegacyIPv4(host: string): string | undefined {
  if (!/^[0-9a-fA-Fx.]+$/.test(host) || host.length > 64) return undefined;
  const parts = host.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0x[0-9a-f]+$/i.test(p)) v = parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) v = parseInt(p, 8);
    else if (/^\d+$/.test(p)) v = Number(p);
    else return undefined;
    nums.push(v);
  }
  const last = nums.pop()!;
  if (nums.some((x) => x > 255)) return undefined;
  const lastBytes = 4 - nums.length;
  if (last >= 2 ** (8 * lastBytes)) return undefined;
  let n = 0;
  for (const x of nums) n = n * 256 + x;
  n = n * 2 ** (8 * lastBytes) + last;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
