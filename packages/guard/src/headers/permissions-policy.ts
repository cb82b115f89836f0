import { GuardSetupError, isPlainObject } from '../setup-error.js';

/**
 * Powerful browser features the app does not use are switched off for it and every frame it
 * embeds. `[]` means nobody; `['self']` the app itself; an origin string allows that origin.
 */
export const PERMISSIONS_POLICY_DEFAULTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  accelerometer: [],
  'ambient-light-sensor': [],
  autoplay: [],
  bluetooth: [],
  camera: [],
  'display-capture': [],
  geolocation: [],
  gyroscope: [],
  hid: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  payment: [],
  'publickey-credentials-get': ['self'],
  serial: [],
  usb: [],
  'xr-spatial-tracking': [],
});

/** Structured-field syntax: `camera=(), fullscreen=(self "https://a.example")`. */
export function permissionsPolicyValue(features: unknown): string {
  if (!isPlainObject(features)) throw new GuardSetupError('rampart(): `headers.permissionsPolicy` must be false or an object of feature name to allowed origins, e.g. { camera: [], fullscreen: ["self"] }.');
  const merged: Record<string, unknown> = { ...PERMISSIONS_POLICY_DEFAULTS, ...features };
  const items: string[] = [];
  for (const [feature, allow] of Object.entries(merged)) {
    if (allow === null || allow === false) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(feature)) throw new GuardSetupError(`rampart(): Permissions-Policy feature ${JSON.stringify(feature)} must be lower-case kebab-case, e.g. "display-capture".`);
    if (!Array.isArray(allow)) throw new GuardSetupError(`rampart(): \`headers.permissionsPolicy.${feature}\` must be an array such as [] (nobody) or ["self"].`);
    const members = allow.map((a: unknown) => {
      if (a === 'self' || a === "'self'") return 'self';
      if (a === '*') return '*';
      if (typeof a === 'string' && /^https?:\/\/[^\s"]+$/.test(a)) return `"${a}"`;
      throw new GuardSetupError(`rampart(): \`headers.permissionsPolicy.${feature}\` has ${JSON.stringify(a)}: use "self", "*" or an origin such as "https://maps.example".`);
    });
    items.push(members.length === 1 && members[0] === '*' ? `${feature}=*` : `${feature}=(${members.join(' ')})`);
  }
  return items.join(', ');
}
