import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auth, AuthContext, AuthRequest, AuthResponse } from '../auth.js';

/** What the Express adapter reads: Express's request (node:http plus `ip` and a parsed `body`). */
export type ExpressLikeRequest = IncomingMessage & { ip?: string; body?: unknown; auth?: AuthContext; originalUrl?: string };
type Next = (err?: unknown) => void;
type Handler = (req: ExpressLikeRequest, res: ServerResponse, next: Next) => void;

export interface ExpressAuth {
  /** Loads the session into `req.auth` and refuses cross-site or token-less unsafe requests. Mount after the body parser. */
  session: Handler;
  /** 401 unless `req.auth.userId` is set (a fully authenticated session). */
  requireUser: Handler;
  login: Handler;
  secondFactor: Handler;
  logout: Handler;
  logoutEverywhere: Handler;
}

export function toAuthRequest(req: ExpressLikeRequest): AuthRequest {
  return {
    method: req.method ?? 'GET',
    header: (name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
    ip: req.ip ?? req.socket?.remoteAddress,
    body: req.body,
    path: (req.originalUrl ?? req.url ?? '').split('?')[0],
  };
}

export function writeAuthResponse(res: ServerResponse, r: AuthResponse): void {
  const body = JSON.stringify(r.body);
  res.statusCode = r.status;
  for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Express 4 and 5 (and plain node:http with a body parser): thin handlers over the core. */
export function expressAuth(auth: Auth): ExpressAuth {
  const run = (work: (req: ExpressLikeRequest) => Promise<AuthResponse>): Handler => (req, res, next) => {
    work(req).then((r) => writeAuthResponse(res, r), next);
  };
  return {
    session(req, res, next) {
      auth.authenticate(toAuthRequest(req)).then((ctx) => {
        req.auth = ctx;
        if (ctx.reject) writeAuthResponse(res, ctx.reject);
        else next();
      }, next);
    },
    requireUser(req, res, next) {
      if (req.auth?.userId) next();
      else writeAuthResponse(res, auth.unauthorized);
    },
    login: run((req) => auth.handleLogin(toAuthRequest(req), req.auth?.session)),
    secondFactor: run((req) => auth.handleSecondFactor(toAuthRequest(req), req.auth?.session)),
    logout: run((req) => auth.handleLogout(req.auth?.session)),
    logoutEverywhere: run((req) => auth.handleLogoutEverywhere(req.auth?.session)),
  };
}

/**
 * Plain node:http: the Express handlers only use node:http's request and response, so they work
 * there unchanged once the app has parsed the body into `req.body` and resolved `req.ip`.
 */
export const nodeHttpAuth = expressAuth;
