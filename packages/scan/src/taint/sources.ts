/**
 * Where untrusted data enters: a table a reader can scan and a user can extend
 * (`taint.sources` in the config). The engine reads it; no rule holds its own list.
 */
import type { Confidence } from '@rampart/core';
import type { TaintClass } from './classes.js';

/**
 * Properties and methods of a request object (Express 4/5, Fastify, Hapi, node:http,
 * Next.js) or of Koa's context that carry client input. `string` marks values that are
 * always strings (route params, headers, the URL), which cannot carry a NoSQL operator object.
 */
export interface RequestInput {
  readonly name: string;
  /** `call` for methods whose result is input: req.get('x'), await request.json(). */
  readonly kind: 'property' | 'call';
  readonly string?: boolean;
  /** Header values: Node's HTTP parser rejects CR and LF in them, so they cannot forge log lines or headers. */
  readonly noNewlines?: boolean;
  readonly frameworks: string;
}

export const REQUEST_INPUTS: readonly RequestInput[] = [
  { name: 'query', kind: 'property', frameworks: 'Express, Koa, Fastify, Hapi, Next.js pages' },
  { name: 'params', kind: 'property', string: true, frameworks: 'Express, Koa, Fastify, Hapi' },
  { name: 'body', kind: 'property', frameworks: 'Express, Koa (ctx.request.body), Fastify' },
  { name: 'payload', kind: 'property', frameworks: 'Hapi' },
  { name: 'headers', kind: 'property', string: true, noNewlines: true, frameworks: 'all' },
  { name: 'header', kind: 'call', string: true, noNewlines: true, frameworks: 'Express' },
  { name: 'cookies', kind: 'property', frameworks: 'Express (cookie-parser), Fastify, Next.js' },
  { name: 'signedCookies', kind: 'property', frameworks: 'Express (cookie-parser)' },
  { name: 'state', kind: 'property', frameworks: 'Hapi (cookies)' },
  { name: 'files', kind: 'property', frameworks: 'multer, express-fileupload' },
  { name: 'file', kind: 'property', frameworks: 'multer' },
  { name: 'originalUrl', kind: 'property', string: true, noNewlines: true, frameworks: 'Express, Koa' },
  { name: 'url', kind: 'property', string: true, noNewlines: true, frameworks: 'all (node:http req.url)' },
  { name: 'path', kind: 'property', string: true, noNewlines: true, frameworks: 'Express, Koa' },
  { name: 'search', kind: 'property', string: true, noNewlines: true, frameworks: 'Koa' },
  { name: 'querystring', kind: 'property', string: true, noNewlines: true, frameworks: 'Koa' },
  { name: 'href', kind: 'property', string: true, noNewlines: true, frameworks: 'Koa' },
  { name: 'rawBody', kind: 'property', frameworks: 'Koa, Fastify' },
  { name: 'searchParams', kind: 'property', frameworks: 'Next.js' },
  { name: 'get', kind: 'call', string: true, noNewlines: true, frameworks: 'Express, Koa' },
  { name: 'param', kind: 'call', string: true, frameworks: 'Express 4' },
  { name: 'json', kind: 'call', frameworks: 'Next.js route handlers, fetch Request' },
  { name: 'text', kind: 'call', string: true, frameworks: 'Next.js route handlers, fetch Request' },
  { name: 'formData', kind: 'call', frameworks: 'Next.js route handlers, fetch Request' },
  { name: 'file', kind: 'call', frameworks: '@fastify/multipart (await request.file(): the client named and wrote it)' },
  { name: 'files', kind: 'call', frameworks: '@fastify/multipart' },
  { name: 'parts', kind: 'call', frameworks: '@fastify/multipart' },
];

/**
 * Fields of an uploaded file that the upload middleware chooses, not the client (multer's stored
 * `path` and `filename`, formidable's `filepath` and `newFilename`, express-fileupload's
 * `tempFilePath`): the client's own name is `originalname`, `originalFilename` or `name`.
 */
export const UPLOAD_SERVER_FIELDS: ReadonlySet<string> = new Set(['path', 'filename', 'destination', 'size', 'tempFilePath', 'filepath', 'newFilename', 'encoding', 'md5', 'truncated']);

/** Properties of a request that are themselves request-like: Koa's ctx.request, Next's request.nextUrl. */
export const NESTED_REQUESTS: readonly string[] = ['request', 'req', 'nextUrl', 'raw'];

/** Parameter names that hold a request (or Koa/Hono context) in handlers and helpers. */
export const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx', 'context', 'incomingMessage']);
/** Parameter names that hold a response (or reply/toolkit) object. */
export const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'h', 'rep', 'resp']);

/** Globals that carry input outside a request: the command line, the environment, the browser location. */
export interface GlobalInput {
  /** A dotted member path as written in code. */
  readonly path: string;
  readonly label: string;
  readonly confidence: Confidence;
  readonly string?: boolean;
  /** Classes this input cannot cause: the command line is typed by the operator, whose own log lines it may shape. */
  readonly harmless?: readonly TaintClass[];
}

export const GLOBAL_INPUTS: readonly GlobalInput[] = [
  { path: 'process.argv', label: 'process.argv', confidence: 'low', string: true, harmless: ['log-injection'] },
  { path: 'process.env', label: 'process.env', confidence: 'low', string: true },
  { path: 'location.search', label: 'location.search', confidence: 'medium', string: true },
  { path: 'location.hash', label: 'location.hash', confidence: 'medium', string: true },
  { path: 'location.href', label: 'location.href', confidence: 'medium', string: true },
  { path: 'window.location.search', label: 'location.search', confidence: 'medium', string: true },
  { path: 'window.location.hash', label: 'location.hash', confidence: 'medium', string: true },
  { path: 'window.location.href', label: 'location.href', confidence: 'medium', string: true },
  { path: 'document.location.search', label: 'location.search', confidence: 'medium', string: true },
  { path: 'document.location.hash', label: 'location.hash', confidence: 'medium', string: true },
  { path: 'document.URL', label: 'document.URL', confidence: 'medium', string: true },
  { path: 'document.referrer', label: 'document.referrer', confidence: 'medium', string: true },
  { path: 'window.name', label: 'window.name', confidence: 'medium', string: true },
];

/**
 * Classes a low-confidence global source may cause. process.env is configuration written by
 * the operator, not by an attacker: it causes no class by default (a user can add classes in a fork of this table).
 */
export const ENV_CLASSES: readonly TaintClass[] = [];

/** Event callbacks whose parameters are input: `ws.on('message', m => ...)`, `req.on('data', chunk => ...)`; `module`: only on an object that package made. */
export const INPUT_EVENTS: readonly { readonly event: string; readonly label: string; readonly requestOnly?: boolean; readonly module?: string }[] = [
  { event: 'message', label: 'WebSocket message' },
  { event: 'data', label: 'request body chunk', requestOnly: true },
  // busboy({ headers: req.headers }).on('file', (field, stream, info) => ...): info.filename is the client's.
  { event: 'file', label: 'uploaded file (busboy)', module: 'busboy' },
  { event: 'field', label: 'form field (busboy)', module: 'busboy' },
];

/** NestJS parameter decorators whose parameter is input (or the whole request for @Req); @Args is @nestjs/graphql's, @UploadedFile the client's file. */
export const INPUT_DECORATORS: ReadonlyMap<string, 'input' | 'string-input' | 'request'> = new Map([
  ['Query', 'input'],
  ['Param', 'string-input'],
  ['Body', 'input'],
  ['Headers', 'string-input'],
  ['Cookies', 'input'],
  ['Req', 'request'],
  ['Request', 'request'],
  ['Args', 'input'],
  ['UploadedFile', 'input'],
  ['UploadedFiles', 'input'],
]);

/**
 * Data-leak sources: database reads that return whole records. A record is sensitive as a
 * whole; reading one named field of it (`user.name`) is not, unless the field itself is.
 */
export const RECORD_READ_METHODS: ReadonlySet<string> = new Set([
  'findAll', 'findOne', 'findByPk', 'findById', 'findOneBy', 'findBy', 'findMany', 'findUnique', 'findFirst',
  'findAndCountAll', 'findOrFail', 'findOneOrFail', 'findUniqueOrThrow', 'findFirstOrThrow',
]);
/** Options or chained calls that choose the fields of a record read: with one, the read is not whole. */
export const PROJECTION_KEYS: ReadonlySet<string> = new Set(['attributes', 'select', 'omit', 'projection', 'fields']);
export const PROJECTION_METHODS: ReadonlySet<string> = new Set(['select', 'project', 'pluck', 'only', 'omit', 'projection']);
/** Fields of a result object that still hold whole records (`result.rows`, `rows[0]`, `doc._doc`). */
export const RECORD_CONTAINERS: ReadonlySet<string> = new Set(['rows', 'data', 'dataValues', '_doc', 'results', 'result', 'records', 'recordset', 'items', 'docs', 'entities', 'user', 'users', 'account', 'profile']);
/** Field names whose value must never reach a response. */
// Plain access/refresh tokens are left out: answering them is what a login or token endpoint is for.
export const SENSITIVE_FIELD = /^(password|passwd|pwd|passwordHash|password_hash|hashedPassword|hashed_password|passHash|ssn|socialSecurityNumber|secret|clientSecret|client_secret|apiKey|api_key|apiToken|api_token|privateKey|private_key|resetToken|reset_token|resetPasswordToken|otpSecret|totpSecret|mfaSecret|twoFactorSecret|salt|cvv|cardNumber|card_number|creditCard|credit_card)$/i;
/**
 * Field names that are their owner's credential (a session or access token): answering them to
 * their owner is what a login is for, sending them to every connected client is a leak.
 */
export const OWNER_CREDENTIAL_FIELD = /^(token|accessToken|access_token|refreshToken|refresh_token|sessionToken|session_token|authToken|auth_token|sessionId|session_id|sid|jwt|idToken|id_token)$/i;
