import type { IncomingMessage, ServerResponse } from 'node:http';
import diagnosticsChannel from 'node:diagnostics_channel';
import { lookup as dnsLookup, promises as dnsPromises, type LookupAddress } from 'node:dns';
import { answerRefused, checkUser, refuseAtArrival, usersChecked } from '../blocklist/enforce.js';
import { detectShellInjection } from '../shell/detect.js';
import { detectPathTraversal, detectPathTraversalInJoin } from '../path/detect.js';
import { detectSsrfLiteral, detectSsrfResolved, hostFromUserInput, isAllowedHost } from '../ssrf/detect.js';
import { activeOptions, inputsFor, inspect, modeFor, report } from '../check.js';
import { requestIdOf } from '../events.js';
import { currentContext, type RequestContext, type UserInput } from '../context.js';
import { wrapMethod, type SinkHook } from './hook.js';
import { detectReflectedXss } from '../xss/detect.js';
import { detectPrototypePollution } from '../prototype-pollution/detect.js';

type Fn = (...a: unknown[]) => unknown;

function shellCommand(file: unknown, args: unknown, options: unknown): string | undefined {
  const opts = (Array.isArray(args) ? options : args) as { shell?: unknown } | undefined;
  if (!opts || typeof opts !== 'object' || !opts.shell || typeof file !== 'string') return undefined;
  return Array.isArray(args) ? [file, ...args.map(String)].join(' ') : file;
}

const checkShell = (sink: string, command: string | undefined) => {
  if (command !== undefined) inspect(sink, (inputs) => detectShellInjection(command, inputs));
};

export const CHILD_PROCESS_SINK: SinkHook = Object.freeze({
  module: 'node:child_process',
  versions: 'node >=20',
  kind: 'shell-injection',
  methods: ['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync (with shell)'],
  install(exports: unknown) {
    const cp = exports as Record<string, unknown>;
    for (const name of ['exec', 'execSync']) {
      wrapMethod(cp, name, (original) => function (this: unknown, ...args: unknown[]) {
        if (typeof args[0] === 'string') checkShell(`child_process.${name}`, args[0]);
        return original.apply(this, args);
      });
    }
    for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync']) {
      wrapMethod(cp, name, (original) => function (this: unknown, ...args: unknown[]) {
        checkShell(`child_process.${name}`, shellCommand(args[0], args[1], args[2]));
        return original.apply(this, args);
      });
    }
  },
});

function pathString(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (Buffer.isBuffer(arg)) return arg.toString('utf8');
  if (arg instanceof URL && arg.protocol === 'file:') return decodeURIComponent(arg.pathname);
  return undefined;
}

const FS_ONE_PATH = [
  'access', 'appendFile', 'chmod', 'chown', 'createReadStream', 'createWriteStream', 'exists', 'lstat', 'mkdir',
  'open', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rm', 'rmdir', 'stat', 'truncate', 'unlink', 'utimes', 'writeFile',
];
const FS_TWO_PATHS = ['copyFile', 'cp', 'link', 'rename', 'symlink'];

function wrapFs(target: Record<string, unknown>, prefix: string, withSync: boolean): void {
  const names = [...FS_ONE_PATH, ...FS_TWO_PATHS];
  for (const base of names) {
    for (const name of withSync ? [base, `${base}Sync`] : [base]) {
      const two = FS_TWO_PATHS.includes(base);
      wrapMethod(target, name, (original) => function (this: unknown, ...args: unknown[]) {
        for (const arg of two ? args.slice(0, 2) : args.slice(0, 1)) {
          const p = pathString(arg);
          if (p !== undefined) inspect(`${prefix}.${name}`, (inputs) => detectPathTraversal(p, inputs));
        }
        return original.apply(this, args);
      });
    }
  }
}

export const FS_SINK: SinkHook = Object.freeze({
  module: 'node:fs',
  versions: 'node >=20',
  kind: 'path-traversal',
  methods: ['fs.* and fs.promises.* functions that take a path', 'path.join', 'path.resolve'],
  install(exports: unknown) {
    const fs = exports as Record<string, unknown> & { promises: Record<string, unknown> };
    wrapFs(fs, 'fs', true);
    wrapFs(fs.promises, 'fs.promises', false);
  },
});

export const PATH_SINK: SinkHook = Object.freeze({
  module: 'node:path',
  versions: 'node >=20',
  kind: 'path-traversal',
  methods: ['join', 'resolve'],
  install(exports: unknown) {
    const path = exports as Record<string, unknown>;
    for (const name of ['join', 'resolve']) {
      wrapMethod(path, name, (original) => function (this: unknown, ...args: unknown[]) {
        if (args.length > 1) inspect(`path.${name}`, (inputs) => detectPathTraversalInJoin(args, original as (...p: string[]) => string, inputs));
        return original.apply(this, args);
      });
    }
  },
});

interface Target {
  host: string;
  port: string | undefined;
}

function requestTarget(args: unknown[]): { target: Target | undefined; options: Record<string, unknown> | undefined; index: number } {
  const first = args[0];
  if (typeof first === 'string' || first instanceof URL) {
    let url: URL;
    try {
      url = new URL(String(first));
    } catch {
      return { target: undefined, options: undefined, index: -1 };
    }
    const hasOptions = args[1] && typeof args[1] === 'object';
    return { target: { host: url.hostname, port: url.port || undefined }, options: hasOptions ? (args[1] as Record<string, unknown>) : undefined, index: hasOptions ? 1 : -1 };
  }
  if (first && typeof first === 'object') {
    const o = first as Record<string, unknown>;
    const host = String(o.hostname ?? o.host ?? 'localhost').replace(/:\d+$/, '');
    return { target: { host, port: o.port === undefined ? undefined : String(o.port) }, options: o, index: 0 };
  }
  return { target: undefined, options: undefined, index: -1 };
}

/** The user input that picked this host, unless the host is allowlisted (`evenAllowed`: also then). */
function userChosen(ctx: RequestContext | undefined, target: Target, evenAllowed = false): UserInput | undefined {
  if (!ctx || modeFor(ctx) === 'off' || !activeOptions().detectors.ssrf) return undefined;
  if (!evenAllowed && isAllowedHost(target.host, target.port, activeOptions().ssrf.allow)) return undefined;
  return hostFromUserInput(target.host, target.port, inputsFor(ctx));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for one request: it checks the address the socket will actually
 * connect to, so a host that resolves to a public address when checked and an internal one
 * later (DNS rebinding) is still caught.
 */
function guardedLookup(ctx: RequestContext, host: string, input: UserInput, sink: string, stack: string | undefined, inner: Fn) {
  return (hostname: string, options: unknown, callback: LookupCallback) => {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
    const opts = typeof options === 'function' ? {} : options;
    inner(hostname, opts, (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
      if (err) return cb(err, address, family);
      const list = Array.isArray(address) ? address.map((a) => a.address) : [address];
      for (const a of list) {
        const result = detectSsrfResolved(host, a, input);
        if (result.attack) {
          try {
            report(ctx, result, sink, stack);
          } catch (blocked) {
            return cb(blocked as NodeJS.ErrnoException, address, family);
          }
          break;
        }
      }
      cb(null, address, family);
    });
  };
}

function wrapRequest(mod: Record<string, unknown>, scheme: string): void {
  for (const name of ['request', 'get']) {
    wrapMethod(mod, name, (original) => function (this: unknown, ...args: unknown[]) {
      const ctx = currentContext();
      if (!ctx) return original.apply(this, args);
      const { target, options, index } = requestTarget(args);
      const input = target && userChosen(ctx, target);
      if (!target || !input) return original.apply(this, args);
      const sink = `${scheme}.${name}`;
      const stack = new Error().stack;
      report(ctx, detectSsrfLiteral(target.host, input), sink, stack);
      const inner = (options?.lookup as Fn | undefined) ?? (dnsLookup as unknown as Fn);
      const lookup = guardedLookup(ctx, target.host, input, sink, stack, inner);
      const next = [...args];
      if (index === -1) next.splice(1, 0, { lookup });
      else next[index] = { ...(options ?? {}), lookup };
      return original.apply(this, next);
    });
  }
}

export const HTTP_SINK: SinkHook = Object.freeze({
  module: 'node:http',
  versions: 'node >=20',
  kind: 'ssrf',
  methods: ['http.request', 'http.get', 'https.request', 'https.get'],
  install(exports: unknown) {
    wrapRequest(exports as Record<string, unknown>, 'http');
  },
});

export const HTTPS_SINK: SinkHook = Object.freeze({ ...HTTP_SINK, module: 'node:https', install(exports: unknown) {
  wrapRequest(exports as Record<string, unknown>, 'https');
} });

/** Test seam and custom resolvers: how fetch's host names are resolved before the check. */
export type Resolver = (host: string) => Promise<string[]>;
let resolver: Resolver = async (host) => (await dnsPromises.lookup(host, { all: true })).map((a) => a.address);
export function setResolver(r: Resolver | undefined): void {
  resolver = r ?? (async (host) => (await dnsPromises.lookup(host, { all: true })).map((a) => a.address));
}

async function checkFetchTarget(ctx: RequestContext, url: URL, input: UserInput, stack: string | undefined): Promise<void> {
  const target = { host: url.hostname, port: url.port || undefined };
  if (isAllowedHost(target.host, target.port, activeOptions().ssrf.allow)) return;
  const entry = { input, stack, flagged: false };
  (ctx.fetchTargets ??= new Map()).set(target.host.replace(/^\[|\]$/g, '').toLowerCase(), entry);
  const literal = detectSsrfLiteral(target.host, input);
  entry.flagged = literal.attack;
  report(ctx, literal, 'fetch', stack);
  let addresses: string[];
  try {
    addresses = await resolver(target.host.replace(/^\[|\]$/g, ''));
  } catch {
    return; // fetch itself will report the DNS failure
  }
  for (const a of addresses) {
    const result = detectSsrfResolved(target.host, a, input);
    entry.flagged ||= result.attack;
    report(ctx, result, 'fetch', stack);
  }
}

/**
 * DNS rebinding for fetch: undici resolves the host again when it connects, so the address
 * checked above may not be the one used. undici publishes each request on a diagnostics channel
 * right before its first byte is written, with the socket: the connected peer address is
 * checked there, and a blocked request's socket is destroyed before anything is sent.
 */
function checkConnectedSocket(message: unknown): void {
  try {
    const { request, socket } = message as { request?: { origin?: unknown }; socket?: { remoteAddress?: string; destroy(err?: Error): void } };
    const ctx = currentContext();
    if (!ctx?.fetchTargets || !socket?.remoteAddress || typeof request?.origin !== 'string') return;
    const host = new URL(request.origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const entry = ctx.fetchTargets.get(host);
    if (!entry || entry.flagged) return; // already reported by the check before the call
    const result = detectSsrfResolved(host, socket.remoteAddress, entry.input);
    if (!result.attack) return;
    entry.flagged = true;
    try {
      report(ctx, result, 'fetch', entry.stack);
    } catch (blocked) {
      ctx.fetchBlocked = blocked;
      socket.destroy(blocked as Error);
    }
  } catch {
    /* a diagnostics subscriber must never throw: Node would rethrow it as an uncaught exception */
  }
}

const MAX_REDIRECTS = 20;

/**
 * fetch (undici): resolves a user-chosen host and checks every address, and follows redirects
 * itself so each hop is checked too (an outside URL that redirects to 169.254.169.254).
 */
export function wrapFetch(global: Record<string, unknown>): void {
  diagnosticsChannel.subscribe('undici:client:sendHeaders', checkConnectedSocket);
  wrapMethod(global, 'fetch', (original) => async function (this: unknown, ...args: unknown[]) {
    const ctx = currentContext();
    const raw = args[0];
    let url: URL | undefined;
    try {
      url = new URL(typeof raw === 'string' || raw instanceof URL ? String(raw) : String((raw as { url?: string }).url));
    } catch {
      url = undefined;
    }
    // An allowed host the user picked is still followed hop by hop: it may redirect inside.
    const input = ctx && url && userChosen(ctx, { host: url.hostname, port: url.port || undefined }, true);
    if (!ctx || !url || !input) return original.apply(this, args);
    const stack = new Error().stack;
    await checkFetchTarget(ctx, url, input, stack);
    const init = (args[1] ?? {}) as RequestInit;
    // undici's own error for a socket destroyed by checkConnectedSocket becomes the 403 error.
    const call = async (...callArgs: unknown[]) => {
      try {
        return (await original.apply(this, callArgs)) as Response;
      } catch (err) {
        const blocked = ctx.fetchBlocked;
        ctx.fetchBlocked = undefined;
        throw blocked ?? err;
      }
    };
    if (init.redirect && init.redirect !== 'follow') return call(...args);
    let response = await call(args[0], { ...init, redirect: 'manual' });
    for (let hop = 0; hop < MAX_REDIRECTS && response.status >= 300 && response.status < 400 && response.headers.get('location'); hop++) {
      const next: URL = new URL(response.headers.get('location')!, url);
      await checkFetchTarget(ctx, next, input, stack);
      const keepBody = response.status === 307 || response.status === 308;
      url = next;
      response = await call(next, { ...init, redirect: 'manual', ...(keepBody ? {} : { method: 'GET', body: undefined }) });
    }
    return response;
  });
}

/**
 * node:http server hook: every request handler (Express, Koa, Fastify, plain node:http) runs in
 * a request context, because they all receive the server's 'request' event.
 */
export function hookServer(proto: Record<string, unknown>, makeContext: (req: IncomingMessage) => RequestContext, run: <T>(c: RequestContext, f: () => T) => T): void {
  wrapMethod(proto, 'emit', (original) => function (this: unknown, ...args: unknown[]) {
    if (args[0] !== 'request' || !args[1]) return original.apply(this, args);
    const req = args[1] as IncomingMessage;
    const ctx = makeContext(req);
    // A blocked IP or bot is answered 403 here: no middleware or handler of the app runs.
    if (refuseAtArrival(ctx, req, args[2] as ServerResponse | undefined)) return true;
    return run(ctx, () => original.apply(this, args));
  });
}

function isHtml(res: { getHeader(name: string): unknown }): boolean {
  const type = res.getHeader('content-type');
  return typeof type === 'string' && /^\s*text\/html/i.test(type);
}

/**
 * Reflected XSS at the response: `res.end` with a text/html body. In block mode, when headers
 * are not sent yet, the response becomes the safe 403 instead; otherwise the event is recorded.
 */
export const RESPONSE_SINK: SinkHook = Object.freeze({
  module: 'node:http',
  versions: 'node >=20',
  kind: 'reflected-xss',
  methods: ['ServerResponse.prototype.end (reflected XSS, prototype pollution)'],
  install(exports: unknown) {
    const proto = (exports as { ServerResponse: { prototype: Record<string, unknown> } }).ServerResponse.prototype;
    wrapMethod(proto, 'end', (original) => function (this: import('node:http').ServerResponse, ...args: unknown[]) {
      const chunk = args[0];
      const ctx = usersChecked() ? currentContext() : undefined;
      if (ctx && !this.headersSent) {
        try {
          checkUser(ctx);
        } catch {
          // The handler ran without reaching a sink; its answer is replaced by the 403.
          return answerRefused(this, requestIdOf(ctx), original as (this: import('node:http').ServerResponse, body: string) => unknown);
        }
      }
      // Prototype pollution has no single sink: the request's keys are checked once it answers,
      // and in block mode the answer becomes the 403 while it still can.
      const req = (this as { req?: { body?: unknown; url?: string } }).req;
      if (req && ((req.body !== null && typeof req.body === 'object') || (req.url ?? '').includes('proto'))) {
        try {
          inspect('http.ServerResponse.end', (inputs) => detectPrototypePollution(inputs));
        } catch (blocked) {
          if (!this.headersSent) {
            const message = (blocked as Error).message;
            this.statusCode = 403;
            this.setHeader('content-type', 'text/plain; charset=utf-8');
            this.setHeader('content-length', Buffer.byteLength(message));
            return original.call(this, message);
          }
        }
      }
      if ((typeof chunk === 'string' || Buffer.isBuffer(chunk)) && chunk.length > 0 && isHtml(this)) {
        const html = typeof chunk === 'string' ? chunk : chunk.length <= 1_048_576 ? chunk.toString('utf8') : '';
        try {
          inspect('http.ServerResponse.end', (inputs) => detectReflectedXss(html, inputs));
        } catch (blocked) {
          if (!this.headersSent) {
            const message = (blocked as Error).message;
            this.statusCode = 403;
            this.setHeader('content-type', 'text/plain; charset=utf-8');
            this.setHeader('content-length', Buffer.byteLength(message));
            return original.call(this, message);
          }
          return original.call(this);
        }
      }
      return original.apply(this, args);
    });
  },
});
