/**
 * PHC string format (https://github.com/P-H-C/phc-string-format):
 * `$<id>[$v=<version>][$<param>=<value>(,<param>=<value>)*][$<salt>[$<hash>]]`, salt and hash
 * in unpadded standard base64. Parsing is bounded and linear: a hostile string never throws.
 */
export interface PhcString {
  id: string;
  version?: number;
  params: Record<string, string>;
  salt?: Buffer;
  hash?: Buffer;
}

// PHC limits: id up to 32 chars, param names up to 32, values from a small alphabet.
const ID = /^[a-z0-9-]{1,32}$/;
const PARAM_NAME = /^[a-z0-9-]{1,32}$/;
const PARAM_VALUE = /^[a-zA-Z0-9/+.-]{1,64}$/;
const B64 = /^[A-Za-z0-9+/]{0,700}$/;
/** Longer strings are not PHC strings of any algorithm we know: refuse before splitting. */
export const MAX_PHC_LENGTH = 1024;

export function parsePhc(text: string): PhcString | undefined {
  if (typeof text !== 'string' || text.length > MAX_PHC_LENGTH || text[0] !== '$') return undefined;
  const fields = text.slice(1).split('$');
  const id = fields.shift();
  if (!id || !ID.test(id)) return undefined;
  const out: PhcString = { id, params: {} };
  if (fields[0]?.startsWith('v=')) {
    const v = fields.shift()!.slice(2);
    if (!/^[0-9]{1,4}$/.test(v)) return undefined;
    out.version = Number(v);
  }
  if (fields.length > 0 && fields[0].includes('=')) {
    for (const pair of fields.shift()!.split(',')) {
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (eq < 1 || !PARAM_NAME.test(name) || !PARAM_VALUE.test(value) || name in out.params) return undefined;
      out.params[name] = value;
    }
  }
  if (fields.length > 2) return undefined;
  if (fields.length >= 1) {
    if (!B64.test(fields[0])) return undefined;
    out.salt = Buffer.from(fields[0], 'base64');
  }
  if (fields.length === 2) {
    if (!B64.test(fields[1]) || fields[1].length === 0) return undefined;
    out.hash = Buffer.from(fields[1], 'base64');
  }
  return out;
}

export function formatPhc(p: PhcString): string {
  let s = `$${p.id}`;
  if (p.version !== undefined) s += `$v=${p.version}`;
  const params = Object.entries(p.params);
  if (params.length > 0) s += `$${params.map(([k, v]) => `${k}=${v}`).join(',')}`;
  if (p.salt) s += `$${b64(p.salt)}`;
  if (p.hash) s += `$${b64(p.hash)}`;
  return s;
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
