// The login page packs the return path and the IdP profile hints into `state`.
export function readState(raw) {
  return JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8'));
}
