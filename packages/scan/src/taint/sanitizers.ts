/**
 * What makes tainted data safe, and for which classes. A table a reader can scan and a user
 * can extend (`taint.sanitizers` in the config).
 */
import type { TaintClass } from './classes.js';

export interface SanitizerSpec {
  /**
   * - return: the call's result is clean for `classes` (parseInt(x), escapeHtml(x));
   * - guard: the call is a check; where it holds, its argument is clean (`validator.isUUID(x)`, `allowed.includes(x)`).
   */
  readonly kind: 'return' | 'guard';
  /** module (via import/require), method (any receiver, or one matching `receiver`), or global. */
  readonly match: 'module' | 'method' | 'global';
  readonly module?: string;
  readonly name: string | RegExp;
  readonly receiver?: RegExp;
  /** "all", or the classes it protects against. */
  readonly classes: 'all' | readonly TaintClass[];
  /** For guards: which argument is checked (default 0); "receiver" for `x.startsWith(base)`. */
  readonly arg?: number | 'receiver';
}

const HTML: readonly TaintClass[] = ['xss', 'xml-injection', 'template-injection'];
const URL_SAFE: readonly TaintClass[] = ['xss', 'ssrf', 'open-redirect', 'header-injection', 'log-injection', 'xml-injection', 'ldap-injection', 'command-injection', 'path-traversal'];
const STRINGIFIED: readonly TaintClass[] = ['nosql-injection'];

export const SANITIZERS: readonly SanitizerSpec[] = [
  // Numbers and booleans carry nothing dangerous.
  ...['parseInt', 'parseFloat', 'Number', 'Boolean', 'isNaN', 'isFinite'].map((name): SanitizerSpec => ({ kind: 'return', match: 'global', name, classes: 'all' })),
  { kind: 'return', match: 'method', name: /^(floor|ceil|round|trunc|abs|min|max)$/, receiver: /^Math$/, classes: 'all' },
  { kind: 'return', match: 'method', name: /^(isInteger|isSafeInteger|isFinite|parseInt|parseFloat)$/, receiver: /^Number$/, classes: 'all' },
  { kind: 'return', match: 'global', name: 'String', classes: STRINGIFIED },
  { kind: 'return', match: 'method', name: 'stringify', receiver: /^JSON$/, classes: [...STRINGIFIED, 'log-injection', 'header-injection', 'code-injection', 'command-injection'] },
  // util.inspect quotes a string and writes its line breaks as \n escapes: one log line, one header value.
  { kind: 'return', match: 'module', module: 'util', name: 'inspect', classes: ['log-injection', 'header-injection'] },
  { kind: 'return', match: 'global', name: 'encodeURIComponent', classes: URL_SAFE },
  { kind: 'return', match: 'global', name: 'escape', classes: URL_SAFE },
  { kind: 'return', match: 'module', module: 'querystring', name: 'escape', classes: URL_SAFE },
  // HTML escapers
  { kind: 'return', match: 'module', module: 'escape-html', name: '', classes: HTML },
  { kind: 'return', match: 'module', module: 'html-escaper', name: 'escape', classes: HTML },
  { kind: 'return', match: 'module', module: 'he', name: /^(encode|escape)$/, classes: HTML },
  { kind: 'return', match: 'module', module: 'lodash', name: 'escape', classes: HTML },
  { kind: 'return', match: 'module', module: 'lodash.escape', name: '', classes: HTML },
  { kind: 'return', match: 'module', module: 'validator', name: 'escape', classes: HTML },
  { kind: 'return', match: 'module', module: 'xss', name: '', classes: HTML },
  { kind: 'return', match: 'module', module: 'xss-filters', name: /^(inHTMLData|inHTMLComment|inSingleQuotedAttr|inDoubleQuotedAttr|inUnQuotedAttr|uriInHTMLData|uriInDoubleQuotedAttr)$/, classes: HTML },
  { kind: 'return', match: 'module', module: 'sanitize-html', name: '', classes: HTML },
  { kind: 'return', match: 'module', module: 'dompurify', name: 'sanitize', classes: HTML },
  { kind: 'return', match: 'module', module: 'isomorphic-dompurify', name: 'sanitize', classes: HTML },
  { kind: 'return', match: 'method', name: 'sanitize', receiver: /^(DOMPurify|purify|domPurify)$/, classes: HTML },
  { kind: 'return', match: 'method', name: /^(escape|escapeHtml|escapeHTML|encode|htmlEscape|escapeXml|encodeXML|escapeXML)$/, receiver: /^(_|he|lodash|validator|entities|Handlebars|handlebars|utils|util|html)$/, classes: HTML },
  { kind: 'return', match: 'global', name: /^(escapeHtml|escapeHTML|htmlEscape|escapeXml|escapeXML|xmlEscape|encodeHTML|sanitizeHtml)$/, classes: HTML },
  { kind: 'return', match: 'module', module: 'xml-escape', name: '', classes: HTML },
  { kind: 'return', match: 'module', module: 'entities', name: /^(encode|encodeXML|encodeHTML|escape|escapeUTF8)$/, classes: HTML },
  // SQL escapers
  { kind: 'return', match: 'method', name: /^(escape|escapeId|format|escapeLiteral|escapeIdentifier)$/, receiver: /^(mysql|connection|conn|pool|db|SqlString|sqlstring|client|pgFormat)$/, classes: ['sql-injection'] },
  { kind: 'return', match: 'module', module: 'sqlstring', name: /^(escape|escapeId|format)$/, classes: ['sql-injection'] },
  { kind: 'return', match: 'module', module: 'pg-format', name: '', classes: ['sql-injection'] },
  { kind: 'return', match: 'module', module: 'mysql', name: /^(escape|escapeId|format)$/, classes: ['sql-injection'] },
  { kind: 'return', match: 'module', module: 'mysql2', name: /^(escape|escapeId|format)$/, classes: ['sql-injection'] },
  // Shell
  { kind: 'return', match: 'module', module: 'shell-quote', name: 'quote', classes: ['command-injection'] },
  { kind: 'return', match: 'module', module: 'shell-escape', name: '', classes: ['command-injection'] },
  { kind: 'return', match: 'module', module: 'shescape', name: /^(quote|escape|quoteAll|escapeAll)$/, classes: ['command-injection'] },
  { kind: 'return', match: 'global', name: /^(shellEscape|escapeShellArg|shellQuote|quoteShellArg)$/, classes: ['command-injection'] },
  // Paths
  { kind: 'return', match: 'module', module: 'path', name: 'basename', classes: ['path-traversal'] },
  { kind: 'return', match: 'module', module: 'sanitize-filename', name: '', classes: ['path-traversal'] },
  // Regular expressions
  { kind: 'return', match: 'module', module: 'lodash', name: 'escapeRegExp', classes: ['redos'] },
  { kind: 'return', match: 'module', module: 'escape-string-regexp', name: '', classes: ['redos'] },
  { kind: 'return', match: 'method', name: 'escapeRegExp', receiver: /^(_|lodash)$/, classes: ['redos'] },
  { kind: 'return', match: 'global', name: /^(escapeRegExp|escapeRegex|escapeRegexp|regexEscape|escapeStringRegexp)$/, classes: ['redos'] },
  // NoSQL
  { kind: 'return', match: 'module', module: 'mongo-sanitize', name: '', classes: ['nosql-injection'] },
  { kind: 'return', match: 'module', module: 'express-mongo-sanitize', name: 'sanitize', classes: ['nosql-injection'] },
  { kind: 'return', match: 'method', name: /^(ObjectId|isValidObjectId)$/, classes: ['nosql-injection'] },
  // LDAP / XPath / logs
  { kind: 'return', match: 'module', module: 'ldap-escape', name: /^(filter|dn)$/, classes: ['ldap-injection'] },
  { kind: 'return', match: 'module', module: 'ldapjs', name: 'escapeFilter', classes: ['ldap-injection'] },
  { kind: 'return', match: 'global', name: /^(escapeLdap|ldapEscape|escapeFilter|escapeLDAPFilter|escapeDN)$/, classes: ['ldap-injection'] },
  { kind: 'return', match: 'global', name: /^(escapeXPath|xpathEscape|escapeXpath|xpathLiteral)$/, classes: ['xpath-injection'] },
  // Hashes and validated parses
  { kind: 'return', match: 'method', name: 'digest', classes: 'all' },
  { kind: 'return', match: 'module', module: 'validator', name: /^(toInt|toFloat|toBoolean|toDate)$/, classes: 'all' },
  { kind: 'return', match: 'method', name: /^(parse|parseAsync|validateSync|validateAsync|cast)$/, receiver: /(schema|Schema|validator|Validator|^z|dto|Dto|DTO|joi|Joi|yup)$/, classes: 'all' },
  { kind: 'return', match: 'module', module: 'class-transformer', name: /^(plainToInstance|plainToClass)$/, classes: STRINGIFIED },
  { kind: 'return', match: 'module', module: 'uuid', name: /^(v1|v4|v5)$/, classes: 'all' },

  // Guards: checks that make their argument safe where they hold.
  { kind: 'guard', match: 'module', module: 'validator', name: /^is[A-Z]/, classes: 'all' },
  { kind: 'guard', match: 'method', name: /^is[A-Z]/, receiver: /^(validator|Validator|v)$/, classes: 'all' },
  { kind: 'guard', match: 'method', name: /^(isInteger|isSafeInteger|isFinite)$/, receiver: /^Number$/, classes: 'all' },
  { kind: 'guard', match: 'method', name: /^(includes|has|indexOf)$/, classes: 'all' },
  { kind: 'guard', match: 'method', name: 'test', classes: 'all' },
  { kind: 'guard', match: 'method', name: /^(isValid|isValidObjectId)$/, classes: 'all' },
  { kind: 'guard', match: 'method', name: 'hasOwnProperty', classes: 'all' },
  { kind: 'guard', match: 'method', name: 'hasOwn', receiver: /^Object$/, arg: 1, classes: 'all' },
  { kind: 'guard', match: 'method', name: 'isArray', receiver: /^Array$/, classes: [] },
  { kind: 'guard', match: 'module', module: 'uuid', name: 'validate', classes: 'all' },
  { kind: 'guard', match: 'module', module: 'path', name: 'isAbsolute', classes: [] },
  // A project's own validators, by their name: isSafeUrl(x), validateFilename(x), isAllowedHost(x).
  { kind: 'guard', match: 'global', name: /^((is|isValid|isSafe|isAllowed|isAllowlisted|isWhitelisted|isTrusted|assertValid|valid)[A-Z_]|(validate|check|verify)([A-Z_]|$))/, classes: 'all' },
  { kind: 'guard', match: 'method', name: 'validate', receiver: /^ajv$/i, arg: 1, classes: 'all' },
];

/** Classes made safe by a `startsWith`/`indexOf(...) === 0` containment check on the value. */
export const CONTAINMENT_CLASSES: readonly TaintClass[] = ['path-traversal', 'ssrf', 'open-redirect'];
/** Classes made safe when a check rejects values holding `..` (a blacklist, but enough for paths). */
export const DOTDOT_CLASSES: readonly TaintClass[] = ['path-traversal'];
/** Classes made safe when a check rejects `__proto__`, `constructor` or `prototype` keys. */
export const PROTO_KEY_CLASSES: readonly TaintClass[] = ['prototype-pollution'];
/** Classes made safe by a `typeof x === 'string'` check (no operator objects). */
export const STRING_TYPE_CLASSES: readonly TaintClass[] = STRINGIFIED;
/** Classes made safe by `.replace(/[\r\n]/g, ...)` and similar: the line-break neutralisers. */
export const NEWLINE_CLASSES: readonly TaintClass[] = ['log-injection', 'header-injection'];
/** Classes made safe by a replace that escapes regular-expression metacharacters. */
export const REGEX_ESCAPE_CLASSES: readonly TaintClass[] = ['redos'];
/** Classes made safe by a replace that escapes or strips `<` and `>`. */
export const ANGLE_CLASSES: readonly TaintClass[] = ['xss', 'xml-injection'];

/**
 * HTTP agents that refuse to connect to private, loopback and link-local addresses after DNS
 * resolution (redirects included): a request sent through one cannot reach the internal network.
 * An SSRF sink whose options carry one (`agent`, `httpAgent`, `httpsAgent`, `dispatcher`) is safe.
 */
export const SSRF_FILTERING_AGENTS: readonly { readonly module: string; readonly name: RegExp }[] = [
  { module: 'request-filtering-agent', name: /^(useAgent|RequestFilteringHttpAgent|RequestFilteringHttpsAgent|globalHttpAgent|globalHttpsAgent)$/ },
  { module: 'ssrf-req-filter', name: /^(default)?$/ },
  { module: 'ssrf-agent', name: /^(default)?$/ },
];
/** Option fields that hold the agent of a request (node-fetch, http, axios, got, undici). */
export const AGENT_FIELDS: readonly string[] = ['agent', 'httpAgent', 'httpsAgent', 'dispatcher'];
