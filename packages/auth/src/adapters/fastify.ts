import type { Auth, AuthContext, AuthRequest, AuthResponse } from '../auth.js';

/** The parts of Fastify's request and reply the adapter uses (Fastify 4 and 5). */
export interface FastifyLikeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  body?: unknown;
  auth?: AuthContext;
}
export interface FastifyLikeReply {
  code(status: number): FastifyLikeReply;
  header(name: string, value: string | string[]): FastifyLikeReply;
  send(payload: unknown): FastifyLikeReply;
}
type Hook = (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown>;

export interface FastifyAuth {
  /** `app.addHook('preHandler', a.preHandler)`: after body parsing, so form CSRF fields are seen. */
  preHandler: Hook;
  /** Route-level preHandler: 401 unless fully authenticated. */
  requireUser: Hook;
  login: Hook;
  secondFactor: Hook;
  logout: Hook;
  logoutEverywhere: Hook;
}

function toAuthRequest(request: FastifyLikeRequest): AuthRequest {
  return {
    method: request.method,
    header: (name) => {
      const v = request.headers[name];
      return Array.isArray(v) ? v[0] : v;
    },
    ip: request.ip,
    body: request.body,
    path: request.url.split('?')[0],
  };
}

function send(reply: FastifyLikeReply, r: AuthResponse): FastifyLikeReply {
  reply.code(r.status);
  for (const [k, v] of Object.entries(r.headers)) reply.header(k, v);
  return reply.send(r.body);
}

export function fastifyAuth(auth: Auth): FastifyAuth {
  return {
    async preHandler(request, reply) {
      const ctx = await auth.authenticate(toAuthRequest(request));
      request.auth = ctx;
      if (ctx.reject) return send(reply, ctx.reject);
    },
    async requireUser(request, reply) {
      if (!request.auth?.userId) return send(reply, auth.unauthorized);
    },
    login: async (request, reply) => send(reply, await auth.handleLogin(toAuthRequest(request), request.auth?.session)),
    secondFactor: async (request, reply) => send(reply, await auth.handleSecondFactor(toAuthRequest(request), request.auth?.session)),
    logout: async (request, reply) => send(reply, await auth.handleLogout(request.auth?.session)),
    logoutEverywhere: async (request, reply) => send(reply, await auth.handleLogoutEverywhere(request.auth?.session)),
  };
}
