import type { Auth, AuthContext, AuthRequest, AuthResponse } from '../auth.js';

/** The parts of a Koa context the adapter uses (Koa 2 and 3, body from @koa/bodyparser). */
export interface KoaLikeContext {
  method: string;
  path: string;
  ip: string;
  get(field: string): string;
  request: { body?: unknown };
  status: number;
  body: unknown;
  set(field: string, value: string | string[]): void;
  state: { auth?: AuthContext } & Record<string, unknown>;
}
type Middleware = (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<void>;

export interface KoaAuth {
  /** Loads the session into `ctx.state.auth`; refuses CSRF failures. Mount after the body parser. */
  session: Middleware;
  requireUser: Middleware;
  login: Middleware;
  secondFactor: Middleware;
  logout: Middleware;
  logoutEverywhere: Middleware;
}

function toAuthRequest(ctx: KoaLikeContext): AuthRequest {
  return { method: ctx.method, header: (name) => ctx.get(name) || undefined, ip: ctx.ip, body: ctx.request.body, path: ctx.path };
}

function send(ctx: KoaLikeContext, r: AuthResponse): void {
  ctx.status = r.status;
  for (const [k, v] of Object.entries(r.headers)) ctx.set(k, v);
  ctx.body = r.body;
}

export function koaAuth(auth: Auth): KoaAuth {
  return {
    async session(ctx, next) {
      const a = await auth.authenticate(toAuthRequest(ctx));
      ctx.state.auth = a;
      if (a.reject) return send(ctx, a.reject);
      await next();
    },
    async requireUser(ctx, next) {
      if (!ctx.state.auth?.userId) return send(ctx, auth.unauthorized);
      await next();
    },
    login: async (ctx) => send(ctx, await auth.handleLogin(toAuthRequest(ctx), ctx.state.auth?.session)),
    secondFactor: async (ctx) => send(ctx, await auth.handleSecondFactor(toAuthRequest(ctx), ctx.state.auth?.session)),
    logout: async (ctx) => send(ctx, await auth.handleLogout(ctx.state.auth?.session)),
    logoutEverywhere: async (ctx) => send(ctx, await auth.handleLogoutEverywhere(ctx.state.auth?.session)),
  };
}
