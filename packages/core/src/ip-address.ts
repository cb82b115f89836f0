import { isIP } from 'node:net';

/** An IP address, parsed once: IPv4 as its dotted text, IPv6 as its eight 16-bit groups. */
export type IpAddress = { readonly family: 4; readonly text: string } | { readonly family: 6; readonly groups: readonly number[] };

/**
 * Parses an address as node:net's isIP accepts it: dotted IPv4, or IPv6 in any spelling
 * (compressed, upper case, an embedded IPv4 tail). Anything else, brackets, ports and
 * surrounding spaces included, is undefined: callers strip those as their input requires.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const family = isIP(text);
  if (family === 4) return { family: 4, text };
  if (family !== 6) return undefined;
  let v6 = text;
  const zone = v6.indexOf('%');
  if (zone >= 0) v6 = v6.slice(0, zone);
  // An IPv4 tail ("::ffff:1.2.3.4") is two groups: parsed apart, replaced by "0:0" meanwhile.
  let tail: [number, number] | undefined;
  const lastColon = v6.lastIndexOf(':');
  if (v6.indexOf('.', lastColon) >= 0) {
    const [a = 0, b = 0, c = 0, d = 0] = v6.slice(lastColon + 1).split('.').map(Number);
    tail = [(a << 8) | b, (c << 8) | d];
    v6 = `${v6.slice(0, lastColon + 1)}0:0`;
  }
  const hex = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const double = v6.indexOf('::');
  let groups: number[];
  if (double < 0) groups = hex(v6);
  else {
    const head = hex(v6.slice(0, double));
    const rest = hex(v6.slice(double + 2));
    groups = [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
  }
  if (tail) [groups[6], groups[7]] = tail;
  return { family: 6, groups };
}

export interface IpKeyOptions {
  /** IPv6 addresses are keyed by this many leading bits (default 64: one subscriber usually gets a /64), clamped to 0-128. */
  readonly ipv6Prefix?: number;
  /**
   * How an IPv6 key is written: `compact` (default) the groups the prefix covers, then "::"
   * ("2001:db8:0:0::/64"); `full` all eight groups, masked ("2001:db8:0:0:0:0:0:0/64").
   */
  readonly ipv6Style?: 'compact' | 'full';
  /** IPv4-mapped IPv6 (::ffff:a.b.c.d, in any spelling) keyed as the IPv4 address. Default true. */
  readonly mapIPv4?: boolean;
  /** The key of a text that is not an IP address: a shared bucket such as "invalid", or (undefined) the text itself. */
  readonly invalidKey?: string;
}

/** The key of a parsed address: IPv4 as is, IPv6 cut to its prefix (see IpKeyOptions). */
export function ipPrefixKey(address: IpAddress, options: IpKeyOptions = {}): string {
  if (address.family === 4) return address.text;
  const g = address.groups;
  if (options.mapIPv4 !== false && g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  }
  const bits = Math.max(0, Math.min(128, options.ipv6Prefix ?? 64));
  const full = options.ipv6Style === 'full';
  // Compact keys stop after the last group the prefix reaches into.
  const shown = full ? 8 : Math.floor(bits / 16) + (bits % 16 > 0 ? 1 : 0);
  let key = '';
  for (let i = 0; i < shown; i++) {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    key += `${i > 0 ? ':' : ''}${(keep === 0 ? 0 : g[i]! & ((0xffff << (16 - keep)) & 0xffff)).toString(16)}`;
  }
  return `${key}${!full && shown < 8 ? '::' : ''}/${bits}`;
}

/**
 * A client's key for rate limits and throttles: IPv4 as is, IPv4-mapped IPv6 as its IPv4
 * address, other IPv6 addresses by their prefix (/64 by default), so that one subscriber cannot
 * rotate through the 2^64 addresses of its network to escape a per-address limit.
 */
export function ipKey(text: string, options: IpKeyOptions = {}): string {
  const address = parseIpAddress(text);
  return address ? ipPrefixKey(address, options) : (options.invalidKey ?? text);
}
