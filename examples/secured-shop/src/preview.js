import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isInternalAddress } from '@rampart/guard/protect';

/** Bytes read from a previewed page: enough for its <head>, never a whole download. */
export const MAX_PREVIEW_BYTES = 256 * 1024;
export const PREVIEW_TIMEOUT_MS = 5000;

export class PreviewRefusedError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'PreviewRefusedError';
    this.status = 400;
  }
}

/**
 * The preview allowlist. A host name entry allows https://that-host/ only, on port 443, and only
 * when it resolves to public addresses; an origin entry (http://127.0.0.1:8080) allows exactly
 * that scheme, host and port, and an IP address named that way is trusted as chosen.
 */
export function createPreviewPolicy(entries) {
  const origins = new Map();
  for (const entry of entries) {
    if (typeof entry !== 'string' || entry === '') throw new Error('previewHosts: every entry is a host name or an origin');
    const url = new URL(entry.includes('://') ? entry : `https://${entry}`);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.username) {
      throw new Error(`previewHosts: ${JSON.stringify(entry)} is not a host name or an http(s) origin`);
    }
    origins.set(url.origin, { trustedAddress: isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0 });
  }
  return {
    /** Hosts for the runtime protection's SSRF allowlist (host or host:port). */
    protectAllow: [...origins.keys()].map((origin) => new URL(origin).host),
    /** The parsed URL when it may be fetched; throws PreviewRefusedError otherwise. */
    check(rawUrl) {
      let url;
      try {
        url = new URL(rawUrl);
      } catch {
        throw new PreviewRefusedError('not an absolute URL');
      }
      if (url.username || url.password) throw new PreviewRefusedError('URLs with credentials are not previewed');
      const allowed = origins.get(url.origin);
      if (!allowed) throw new PreviewRefusedError('this site is not on the preview allowlist');
      return { url, trustedAddress: allowed.trustedAddress };
    },
  };
}

/** DNS lookup that refuses internal addresses: checked on the address the socket will use (no rebinding). */
function publicOnlyLookup(hostname, options, callback) {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err);
    const internal = addresses.find((a) => isInternalAddress(a.address));
    if (internal) return callback(new PreviewRefusedError('the site resolves to an internal address'));
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** The text of the page's <title>, squeezed and cut to 200 characters; null when there is none. */
export function titleOf(html) {
  const start = html.search(/<title[\s>]/i);
  if (start === -1) return null;
  const open = html.indexOf('>', start);
  const close = html.toLowerCase().indexOf('</title', open);
  if (open === -1 || close === -1) return null;
  const text = html.slice(open + 1, close).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, 200);
}

/** Fetches an allowed URL once (no redirects followed) and answers { status, title, bytes }. */
export function fetchPreview(checked) {
  const { url, trustedAddress } = checked;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        lookup: trustedAddress ? undefined : publicOnlyLookup,
        timeout: PREVIEW_TIMEOUT_MS,
        headers: { accept: 'text/html', 'user-agent': 'CornerCoffeeLinkPreview/1.0' },
      },
      (response) => {
        const chunks = [];
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          if (bytes <= MAX_PREVIEW_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        const finish = () => {
          const html = Buffer.concat(chunks).subarray(0, MAX_PREVIEW_BYTES).toString('utf8');
          resolve({ status: response.statusCode, title: titleOf(html), bytes: Math.min(bytes, MAX_PREVIEW_BYTES) });
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', reject);
      }
    );
    request.on('timeout', () => request.destroy(new PreviewRefusedError('the site took too long to answer')));
    request.on('error', reject);
  });
}
