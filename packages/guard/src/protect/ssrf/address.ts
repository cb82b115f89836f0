import { isIP } from 'node:net';

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

function expandV6(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const n = v4ToInt(s.slice(lastColon + 1));
    if (n === undefined) return undefined;
    tail = [n >>> 16, n & 0xffff];
    s = s.slice(0, lastColon + 1) + '0';
    s = s.slice(0, -1) + (s.endsWith('::0') ? '' : '');
    s = s.endsWith(':') && !s.endsWith('::') ? s.slice(0, -1) : s;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h === '' ? [] : h.split(':').map((x) => parseInt(x, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const total = 8 - tail.length;
  const zeros = halves.length === 2 ? total - head.length - rest.length : 0;
  if (zeros < 0) return undefined;
  const groups = [...head, ...new Array<number>(zeros).fill(0), ...rest, ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function isPrivateV6(ip: string): boolean {
  const g = expandV6(ip);
  if (!g) return false;
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
