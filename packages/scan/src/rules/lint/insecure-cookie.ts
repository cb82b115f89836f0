import type { Severity } from '@rampart/core';
import { hasSpread, isNode, objectProperty, resolveCallee, staticValue, unwrap } from '../ast.js';
import { nameOf, nameWords } from '../identifier-words.js';
import type { JsRule, JsRuleContext, Node } from '../types.js';

/**
 * A session cookie needs three flags: HttpOnly (scripts cannot read it, so an XSS cannot
 * steal it), Secure (never sent over plain HTTP) and SameSite (not attached to cross-site
 * requests, which stops most CSRF). What each API does when a flag is left out differs,
 * so each one is listed with its defaults.
 */

type Flag = 'httpOnly' | 'secure' | 'sameSite';
const FLAGS: readonly Flag[] = ['httpOnly', 'secure', 'sameSite'];

/** What goes wrong without each flag, for messages. */
const RISK: Readonly<Record<Flag, string>> = {
  httpOnly: 'page scripts can read it, so one XSS steals it',
  secure: 'browsers also send it over plain HTTP, where anyone on the network can copy it',
  sameSite: 'browsers attach it to requests from other sites (CSRF)',
};

/** Flags that an API turns on when the option is left out. */
interface CookieApi {
  readonly label: string;
  readonly defaultsOn: ReadonlySet<Flag>;
}

const RESPONSE_COOKIE: CookieApi = { label: 'res.cookie()', defaultsOn: new Set() }; // Express, @fastify/cookie
const KOA_COOKIE: CookieApi = { label: 'ctx.cookies.set()', defaultsOn: new Set(['httpOnly']) };
const EXPRESS_SESSION: CookieApi = { label: 'express-session', defaultsOn: new Set(['httpOnly']) };
const COOKIE_SESSION: CookieApi = { label: 'cookie-session', defaultsOn: new Set(['httpOnly']) };

/** Receivers that are HTTP responses in Express and Fastify handlers. */
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'resp']);
const RESPONSE_METHODS = new Set(['cookie', 'setCookie']);
const KOA_CONTEXT_NAMES = new Set(['ctx', 'context']);

/** CSRF tokens for the double-submit pattern must be readable by scripts: HttpOnly would break them. */
const CSRF_WORDS = new Set(['csrf', 'xsrf']);
/** Cookie names that hold a session or credentials (a dynamic name counts as one). */
const SENSITIVE_WORDS = new Set(['session', 'sess', 'sid', 'token', 'auth', 'jwt', 'remember', 'login', 'refresh', 'access', 'connect', 'user', 'id']);

interface Missing {
  readonly flags: Flag[];
  /** httpOnly: false written explicitly. */
  readonly readableByScripts: boolean;
}

function isOff(value: Node | undefined): boolean {
  const v = unwrap(value);
  return !!v && v.type === 'Literal' && (v.value === false || v.value === null);
}

/** Which flags an options object leaves off; undefined when it cannot be known (a variable, a spread). */
function missingFlags(options: Node | undefined, api: CookieApi, exempt: ReadonlySet<Flag>): Missing | undefined {
  const o = unwrap(options);
  const absent = !o || (o.type === 'Literal' && o.value === null) || (o.type === 'Identifier' && o.name === 'undefined');
  if (!absent && (o.type !== 'ObjectExpression' || hasSpread(o))) return undefined;
  const flags: Flag[] = [];
  let readableByScripts = false;
  for (const flag of FLAGS) {
    if (exempt.has(flag)) continue;
    const value = absent ? undefined : objectProperty(o, flag);
    if (value === undefined) {
      if (!api.defaultsOn.has(flag)) flags.push(flag);
    } else if (isOff(value)) {
      flags.push(flag);
      if (flag === 'httpOnly') readableByScripts = true;
    }
  }
  return { flags, readableByScripts };
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describe(what: string, missing: Missing): string {
  const lacking = missing.flags.filter((f) => !(missing.readableByScripts && f === 'httpOnly'));
  const parts: string[] = [];
  if (missing.readableByScripts) parts.push('sets httpOnly: false');
  if (lacking.length > 0) parts.push(`lacks ${joinAnd(lacking)}`);
  return `${what} ${parts.join(' and ')}: ${missing.flags.map((f) => RISK[f]).join('; ')}.`;
}

function cookieName(node: Node | undefined): { label: string; words: readonly string[] | undefined } {
  const name = staticValue(node);
  return name === undefined ? { label: 'A cookie', words: undefined } : { label: `Cookie '${name}'`, words: nameWords(name) };
}

/** `res.cookie`, `reply.setCookie`, `this.res.cookie`: a method on something named like a response. */
function responseCookieCall(call: Node): CookieApi | undefined {
  const callee = unwrap(call.callee);
  if (callee?.type !== 'MemberExpression') return undefined;
  const method = nameOf(callee);
  const receiver = nameOf(callee.object);
  if (method && RESPONSE_METHODS.has(method) && receiver && RESPONSE_NAMES.has(receiver)) return RESPONSE_COOKIE;
  // Koa: ctx.cookies.set(name, value, options)
  const owner = unwrap(callee.object);
  if (method === 'set' && receiver === 'cookies' && owner?.type === 'MemberExpression' && KOA_CONTEXT_NAMES.has(nameOf(owner.object) ?? '')) return KOA_COOKIE;
  return undefined;
}

/** A secret written in the code, or used as the fallback when the environment lacks one. */
function hardCodedSecret(value: Node | undefined): Node | undefined {
  const v = unwrap(value);
  if (!v) return undefined;
  if (staticValue(v) !== undefined) return v;
  if (v.type === 'ArrayExpression') return v.elements.find((e: Node | null) => isNode(e) && staticValue(e) !== undefined);
  if (v.type === 'LogicalExpression' && (v.operator === '||' || v.operator === '??') && staticValue(v.right) !== undefined) return v.right;
  return undefined;
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'insecure-cookie',
    title: 'Cookie set without HttpOnly, Secure or SameSite',
    practice: 7,
    cwe: 'CWE-614',
    severity: 'medium',
    confidence: 'medium',
    description:
      'A cookie without HttpOnly can be read by any script on the page, so a single XSS bug steals the session (CWE-1004); without Secure it is also sent over plain HTTP, where anyone on the network can copy it (CWE-614); without SameSite the browser attaches it to requests that other sites trigger, which enables CSRF (CWE-1275). Express res.cookie() and @fastify/cookie set none of these flags by default, express-session and cookie-session do not set Secure or SameSite, and a session secret written in the code lets anyone who reads the code forge sessions.',
    fix: "Pass { httpOnly: true, secure: true, sameSite: 'lax' } (or 'strict') to every session or authentication cookie, set express-session's cookie: { secure: true, sameSite: 'lax' } with app.set('trust proxy', 1) behind a proxy, and read the session secret from the environment.",
  },
  samples: {
    valid: [
      'res.cookie("sid", id, { httpOnly: true, secure: true, sameSite: "strict", maxAge: 3600_000 });',
      'res.cookie("sid", id, { ...cookieDefaults, maxAge: 1000 });',
      'res.cookie("sid", id, COOKIE_OPTIONS);',
      'res.clearCookie("sid", { path: "/" });',
      'res.cookie("XSRF-TOKEN", req.csrfToken(), { secure: true, sameSite: "strict" });',
      'res.cookie("sid", id, { httpOnly: true, secure: process.env.NODE_ENV === "production", sameSite: "lax" });',
      'import session from "express-session"; app.use(session({ secret: process.env.SESSION_SECRET, resave: false, cookie: { secure: "auto", sameSite: "lax" } }));',
      'cookieJar.cookie("a", "b"); $.cookie("theme", "dark"); document.cookie = "theme=dark";',
      'const session = require("client-sessions"); app.use(session({ cookieName: "s", secret: "x" }));',
      'const cookieSession = require("cookie-session"); app.use(cookieSession({ keys: [process.env.K1, process.env.K2], secure: true, sameSite: "lax" }));',
      'ctx.cookies.set("sid", id, { signed: true, secure: true, sameSite: "lax" });',
    ],
    invalid: [
      'app.post("/login", (req, res) => { res.cookie("sid", sessionId); res.redirect("/"); });',
      'res.cookie("token", jwt, { maxAge: 3600_000, httpOnly: true });',
      'reply.setCookie("session", id, { path: "/", httpOnly: false, secure: true, sameSite: "lax" });',
      { code: 'import session from "express-session"; app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: true }));', count: 2 },
      'const session = require("express-session"); app.use(session({ secret: process.env.SESSION_SECRET, cookie: { maxAge: 86400000 } }));',
      'app.use(require("express-session")({ secret: process.env.S ?? "dev-secret", cookie: { secure: true, sameSite: "strict" } }));',
      { code: 'const cookieSession = require("cookie-session"); app.use(cookieSession({ name: "session", keys: ["key1", "key2"], maxAge: 86400000 }));', count: 2 },
      'response.cookie("refreshToken", token, { httpOnly: true, secure: false, sameSite: "strict" });',
      {
        code: 'import session, { type SessionOptions } from "express-session"; app.use(session({ secret: env.SECRET, cookie: { httpOnly: false, secure: true, sameSite: "lax" } } as SessionOptions));',
        filename: 'app.ts',
      },
      'router.get("/", async (ctx) => { ctx.cookies.set("sid", id, { signed: true }); });',
      'res.cookie(name, value, { secure: true, sameSite: "none" });',
    ],
  },
  create(context: JsRuleContext) {
    const reportCookie = (node: Node, what: string, missing: Missing, sensitive: boolean): void => {
      if (missing.flags.length === 0) return;
      const severity: Severity = missing.readableByScripts ? 'high' : sensitive ? 'medium' : 'low';
      context.report({ node, severity, message: describe(what, missing) });
    };
    const checkSessionMiddleware = (node: Node, api: CookieApi): void => {
      const options = unwrap(node.arguments[0]);
      if (options?.type !== 'ObjectExpression') return;
      for (const key of ['secret', 'keys']) {
        const literal = hardCodedSecret(objectProperty(options, key));
        if (literal) {
          context.report({
            node: literal,
            severity: 'high',
            message: `The ${api.label} \`${key}\` is written in the code: anyone who reads the code or the repository can sign valid session cookies.`,
          });
        }
      }
      if (hasSpread(options)) return;
      // express-session keeps cookie flags under `cookie`; cookie-session takes them at the top level.
      const cookieOptions = api === EXPRESS_SESSION ? objectProperty(options, 'cookie') : options;
      const missing = missingFlags(cookieOptions, api, new Set());
      if (missing) reportCookie(cookieOptions?.parent?.type === 'Property' && api === EXPRESS_SESSION ? cookieOptions.parent : node, `The ${api.label} cookie`, missing, true);
    };
    const check = (node: Node): void => {
      const api = responseCookieCall(node);
      if (api) {
        const { label, words } = cookieName(node.arguments[0]);
        const csrf = !!words?.some((w) => CSRF_WORDS.has(w));
        const sensitive = !words || words.some((w) => SENSITIVE_WORDS.has(w)) || csrf;
        const missing = missingFlags(node.arguments[2], api, csrf ? new Set<Flag>(['httpOnly']) : new Set());
        if (missing) reportCookie(node, label, missing, sensitive);
        return;
      }
      const target = resolveCallee(node.callee, context.sourceCode);
      if (!target || !(target.path.length === 0 || (target.path.length === 1 && target.path[0] === 'default'))) return;
      if (target.module === 'express-session') checkSessionMiddleware(node, EXPRESS_SESSION);
      else if (target.module === 'cookie-session') checkSessionMiddleware(node, COOKIE_SESSION);
    };
    return { CallExpression: check };
  },
};

export default rule;
