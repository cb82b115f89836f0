import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * True for a plain-HTTP request to this machine that no proxy forwarded: local development.
 * There, `upgrade-insecure-requests` would rewrite every asset to an https:// URL that does not
 * exist, HSTS over HTTP is ignored anyway, and Safari drops `Secure` cookies on http://localhost.
 * A proxy in front (X-Forwarded-Proto / Forwarded) or TLS on the socket keeps everything strict.
 */
export function isPlainHttpLocalhost(req: IncomingMessage, h: IncomingHttpHeaders = req.headers): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return false;
  if (h['x-forwarded-proto'] !== undefined || h.forwarded !== undefined || h['x-forwarded-for'] !== undefined) return false;
  const host = h.host;
  if (host === undefined) return false;
  // Clients send the same Host on every request: the last answer is kept (a string compare).
  if (host === lastHost) return lastAnswer;
  lastAnswer = isLoopbackHost(host);
  lastHost = host;
  return lastAnswer;
}

let lastHost: string | undefined;
let lastAnswer = false;

/** `localhost`, `*.localhost`, 127.0.0.0/8 and [::1], with or without a port. */
export function isLoopbackHost(host: string): boolean {
  if (host.length > 260) return false;
  let name = host.toLowerCase();
  if (name.startsWith('[')) return name.startsWith('[::1]');
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
