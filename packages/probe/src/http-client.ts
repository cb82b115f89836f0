import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { ProbeOptions } from './defaults.js';

/** One response as the checks see it. `body` holds at most `maxBodyBytes`. */
export interface ProbeResponse {
  readonly method: string;
  readonly url: URL;
  readonly status: number;
  /** Lower-case names, as node:http gives them: repeated headers joined by ", ", `set-cookie` an array. */
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly truncated: boolean;
  /** False when the TLS certificate did not verify and the probe went on without verification. */
  readonly verified: boolean;
  readonly requestHeaders: Readonly<Record<string, string>>;
}

/** What the probe sent, for the report: every request is listed with its reason. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly purpose: string;
  /** The status code, or the network error. */
  readonly outcome: string;
}

/** The target (or a redirect) could not be reached at all. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    readonly url: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request budget (`maxRequests`) is spent. */
export class BudgetExhausted extends Error {
  override name = 'BudgetExhausted';
}

export interface SendOptions {
  readonly method: 'GET' | 'HEAD' | 'OPTIONS' | 'TRACE' | 'POST';
  readonly url: URL;
  readonly purpose: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Redirects followed from one URL; `stoppedAt` is a Location the probe did not follow (another host, or too many hops). */
export interface RedirectChain {
  readonly responses: readonly ProbeResponse[];
  readonly stoppedAt?: URL;
  readonly stopReason?: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Node's TLS error codes for a certificate that does not verify (as opposed to a refused connection).
const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|HOSTNAME_MISMATCH|INVALID_CA|PATH_LENGTH/;

/**
 * The probe's only way onto the network: node:http(s), one request at a time, each with a
 * deadline, a body cap and a place in the request log; nothing is sent past the budget.
 */
export class ProbeClient {
  readonly sent: SentRequest[] = [];
  /** Origins whose certificate failed to verify, with the error; later requests there skip verification. */
  readonly unverified = new Map<string, string>();

  constructor(private readonly options: ProbeOptions) {}

  get remaining(): number {
    return this.options.maxRequests - this.sent.length;
  }

  async send(req: SendOptions): Promise<ProbeResponse> {
    const origin = req.url.origin;
    try {
      return await this.once(req, !this.unverified.has(origin));
    } catch (err) {
      if (err instanceof NetworkError && req.url.protocol === 'https:' && !this.unverified.has(origin) && CERT_ERROR.test(err.code)) {
        // Like the Observatory: note the bad certificate (it fails HSTS and redirection), then look anyway.
        this.unverified.set(origin, `${err.code}: ${err.message}`);
        this.sent[this.sent.length - 1] = { ...this.sent[this.sent.length - 1]!, outcome: `${err.code} (retried without verification)` };
        return this.once(req, false);
      }
      throw err;
    }
  }

  private once(req: SendOptions, verify: boolean): Promise<ProbeResponse> {
    if (this.remaining <= 0) return Promise.reject(new BudgetExhausted(`request budget of ${this.options.maxRequests} spent`));
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      // Identity only: the checks read bodies as text, and a decompression bomb cannot get past the cap.
      'accept-encoding': 'identity',
      ...lowerCaseKeys(req.headers ?? {}),
    };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    const entry = { method: req.method, url: req.url.href, purpose: req.purpose, outcome: 'pending' };
    this.sent.push(entry);
    const isHttps = req.url.protocol === 'https:';
    const lib = isHttps ? https : http;
    const maxBody = this.options.maxBodyBytes;
    const timeoutMs = this.options.timeoutMs;
    return new Promise<ProbeResponse>((resolve, reject) => {
      let settled = false;
      const fail = (err: NodeJS.ErrnoException) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        entry.outcome = err.code ?? err.message;
        reject(new NetworkError(req.url.href, err.code ?? 'ERROR', err.message));
      };
      const request = lib.request(
        req.url,
        {
          method: req.method,
          headers,
          agent: false,
          ...(isHttps
            ? { rejectUnauthorized: verify, ...(this.options.ca ? { ca: withSystemCas(this.options.ca) } : {}), servername: isIpAddress(req.url.hostname) ? undefined : req.url.hostname }
            : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          const finish = () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            entry.outcome = String(res.statusCode ?? 0);
            resolve({
              method: req.method,
              url: req.url,
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              truncated,
              verified: !isHttps || verify,
              requestHeaders: headers,
            });
          };
          res.on('data', (chunk: Buffer) => {
            if (truncated) return;
            const room = maxBody - size;
            if (chunk.length >= room) {
              chunks.push(chunk.subarray(0, room));
              size = maxBody;
              truncated = true;
              finish();
              res.destroy();
              return;
            }
            chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', finish);
          res.on('error', (err) => (truncated ? finish() : fail(err)));
          res.on('close', finish);
        },
      );
      const timer = setTimeout(() => {
        const err: NodeJS.ErrnoException = new Error(`no complete answer within ${timeoutMs} ms`);
        err.code = 'ETIMEDOUT';
        fail(err);
        request.destroy(err);
      }, timeoutMs);
      request.on('error', fail);
      if (req.body !== undefined) request.write(req.body);
      request.end();
    });
  }

  /** GET `url` and follow redirects while they stay on an allowed host, at most `maxRedirects` hops. */
  async follow(url: URL, purpose: string, extraHeaders?: Record<string, string>): Promise<RedirectChain> {
    const responses: ProbeResponse[] = [];
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await this.send({ method: 'GET', url: current, purpose: hop === 0 ? purpose : `${purpose} (redirect ${hop})`, headers: extraHeaders });
      responses.push(res);
      const location = res.headers.location;
      if (!REDIRECT_STATUSES.has(res.status) || !location) return { responses };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { responses, stopReason: `unparseable Location ${JSON.stringify(location.slice(0, 200))}` };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { responses, stoppedAt: next, stopReason: `redirect to ${next.protocol} not followed` };
      if (!this.hostAllowed(next.hostname, url.hostname)) return { responses, stoppedAt: next, stopReason: `redirect to another host (${next.hostname}) not followed; allow it with --allow-host` };
      if (hop >= this.options.maxRedirects) return { responses, stoppedAt: next, stopReason: `more than ${this.options.maxRedirects} redirects` };
      current = next;
    }
  }

  hostAllowed(hostname: string, targetHost: string): boolean {
    const h = hostname.toLowerCase();
    return h === targetHost.toLowerCase() || this.options.allowHosts.some((a) => a.toLowerCase() === h);
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function isIpAddress(hostname: string): boolean {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[');
}

// `ca` replaces Node's bundled roots; keep them so a public site still verifies.
function withSystemCas(ca: string | readonly string[]): string[] {
  return [...rootCertificates, ...(typeof ca === 'string' ? [ca] : ca)];
}
