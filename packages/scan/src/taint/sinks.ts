/**
 * Where untrusted data does harm: calls, constructors and property writes, per class.
 * A table a reader can scan and a user can extend (`taint.sinks` in the config).
 */
import type { TaintClass } from './classes.js';

/**
 * Extra facts a sink needs before it is one; each is checked by the engine by name.
 * - shell: the call runs a shell (exec, or spawn/execa with `shell: true`); without one only the command (arg 0) is a sink.
 * - code-module: `require(p)` / `import(p)` of a path not ending in `.json` (JSON is parsed, never run).
 * - confine-off: `h.file(p, { confine: false })` (inert's default confinement turned off).
 * - no-root: `res.sendFile(p)` / `res.download(p)` without a `root` option.
 * - noent: an XML parse with entity substitution on (`noent: true`).
 * - html: the response is HTML (no text/plain or JSON content type set before, not an object).
 * - query-builder: a TypeORM-style query builder condition (`.where('a = ' + x)`).
 * - xml-text: a string holding XML markup built around the value.
 * - string: the argument is a string (not a function, not an options object).
 * - sql-text: the argument is text built around the value that reads as SQL (for common method names).
 * - raw-http: text written to a raw socket that holds an HTTP status line (hand-written responses).
 * - log-file: the file written is a log (its path mentions "log").
 * - yaml-unsafe: js-yaml load with a schema that builds functions, or js-yaml 3 (whose load is unsafe).
 * - lodash-unpatched: lodash's deep merge/set and template's `variable` option, unless the project pins lodash 4.17.21 or later (which refuse __proto__ and constructor keys and check `variable`).
 * - xml-response: a response body in a handler that declared an XML content type, with markup around the input.
 */
export type SinkCondition = 'code-module' | 'confine-off' | 'sql-text' | 'raw-http' | 'shell' | 'no-root' | 'noent' | 'html' | 'query-builder' | 'xml-text' | 'string' | 'response' | 'record-filter' | 'log-file' | 'log-stream' | 'yaml-unsafe' | 'lodash-unpatched' | 'xml-response';

export interface SinkSpec {
  readonly class: TaintClass;
  /**
   * How the call is recognised:
   * - module: an export of a package, through import/require (`child_process` + `exec`; name "" is the module itself);
   * - method: a method of any object whose name matches `receiver` (when given);
   * - global: a global function (`eval`, `fetch`);
   * - new: a constructor (`new RegExp(x)`);
   * - property: a property write (`el.innerHTML = x`).
   */
  readonly match: 'module' | 'method' | 'global' | 'new' | 'property';
  readonly module?: string;
  readonly name: string;
  /** Receiver's own name (last segment: `db` in `this.db.query`) for methods with common names. */
  readonly receiver?: RegExp;
  /** Arguments that must not be tainted; default [0]. "last" for `res.redirect(status?, url)`. */
  readonly args?: readonly number[] | 'all' | 'last';
  /** Only this field of an object argument is the sink: `{ filter: x }`, `{ url: x }`. */
  readonly field?: string;
  readonly when?: SinkCondition;
  /** Also a method of a value known to be this kind, whatever its name (a document a libxmljs parse returned). */
  /** The receiver may also be known by what made it: a parsed XML document, a socket from net/tls. */
  readonly receiverKind?: 'xml-document' | 'socket';
}

/** Calls that return a parsed XML document, whose `find`/`get` take XPath: `libxmljs.parseXml(text)`. */
export const XML_DOCUMENT_PARSERS: readonly { readonly module: string; readonly names: readonly string[] }[] = [
  { module: 'libxmljs', names: ['parseXml', 'parseXmlString', 'parseHtml', 'parseHtmlString', 'parseXmlAsync'] },
  { module: 'libxmljs2', names: ['parseXml', 'parseXmlString', 'parseHtml', 'parseHtmlString', 'parseXmlAsync'] },
];

const SQL_RECEIVER = /(db|database|pool|client|conn|connection|sql|knex|sequelize|pg|mysql|sqlite|tx|trx|transaction|manager|datasource|source|runner|queryrunner|repo|repository|prisma|orm|store|dao|model)$|^em$/i;
const FS = 'fs';
const FS_ONE_PATH = [
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream', 'createWriteStream',
  'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync', 'open', 'openSync',
  'access', 'accessSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'exists', 'existsSync',
  'readlink', 'readlinkSync', 'realpath', 'realpathSync', 'opendir', 'opendirSync', 'outputFile', 'outputFileSync', 'readJson', 'readJsonSync',
  'writeJson', 'writeJsonSync', 'remove', 'removeSync', 'emptyDir', 'ensureFile', 'pathExists',
];
const FS_TWO_PATHS = ['copyFile', 'copyFileSync', 'rename', 'renameSync', 'link', 'linkSync', 'symlink', 'symlinkSync', 'cp', 'cpSync', 'copy', 'copySync', 'move', 'moveSync'];
const fsSinks: SinkSpec[] = [];
for (const module of [FS, 'fs/promises', 'fs-extra', 'graceful-fs']) {
  for (const name of FS_ONE_PATH) {
    fsSinks.push({ class: 'path-traversal', match: 'module', module, name });
    if (module === FS) fsSinks.push({ class: 'path-traversal', match: 'module', module, name: `promises.${name}` });
  }
  for (const name of FS_TWO_PATHS) {
    fsSinks.push({ class: 'path-traversal', match: 'module', module, name, args: [0, 1] });
    if (module === FS) fsSinks.push({ class: 'path-traversal', match: 'module', module, name: `promises.${name}`, args: [0, 1] });
  }
}

const HTTP_CLIENT_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream'];
const ssrfSinks: SinkSpec[] = [
  { class: 'ssrf', match: 'global', name: 'fetch' },
  { class: 'ssrf', match: 'module', module: 'node-fetch', name: '' },
  { class: 'ssrf', match: 'module', module: 'node-fetch', name: 'default' },
  { class: 'ssrf', match: 'module', module: 'axios', name: '' },
  { class: 'ssrf', match: 'module', module: 'axios', name: 'request', field: 'url' },
  { class: 'ssrf', match: 'module', module: 'got', name: '' },
  { class: 'ssrf', match: 'module', module: 'request', name: '' },
  { class: 'ssrf', match: 'module', module: 'superagent', name: '' },
  { class: 'ssrf', match: 'module', module: 'needle', name: '', args: [1] },
  { class: 'ssrf', match: 'module', module: 'undici', name: 'request' },
  { class: 'ssrf', match: 'module', module: 'undici', name: 'fetch' },
  { class: 'ssrf', match: 'module', module: 'undici', name: 'stream' },
];
// Other fetch-like clients: the URL is the first argument of the module itself or of its verbs.
for (const m of ['cross-fetch', 'isomorphic-fetch', 'ky', 'ofetch', 'phin', 'urllib', 'make-fetch-happen']) {
  ssrfSinks.push({ class: 'ssrf', match: 'module', module: m, name: '' }, { class: 'ssrf', match: 'module', module: m, name: 'default' });
}
ssrfSinks.push({ class: 'ssrf', match: 'module', module: 'ofetch', name: '$fetch' }, { class: 'ssrf', match: 'module', module: 'ofetch', name: 'ofetch' }, { class: 'ssrf', match: 'module', module: 'urllib', name: 'curl' });
for (const m of ['axios', 'got', 'superagent', 'request', 'needle', 'ky', 'urllib', '@hapi/wreck', 'wreck']) {
  for (const name of HTTP_CLIENT_METHODS) if (!(m === 'axios' && name === 'request') && !(m.endsWith('wreck') && name === 'request')) ssrfSinks.push({ class: 'ssrf', match: 'module', module: m, name });
}
// Wreck.request(method, uri, options): the URL is the second argument.
for (const m of ['@hapi/wreck', 'wreck']) ssrfSinks.push({ class: 'ssrf', match: 'module', module: m, name: 'request', args: [1] });
for (const m of ['http', 'https', 'http2']) {
  ssrfSinks.push({ class: 'ssrf', match: 'module', module: m, name: 'get' }, { class: 'ssrf', match: 'module', module: m, name: 'request' });
  // follow-redirects: the same API under require('follow-redirects').https.
  if (m !== 'http2') ssrfSinks.push({ class: 'ssrf', match: 'module', module: 'follow-redirects', name: `${m}.get` }, { class: 'ssrf', match: 'module', module: 'follow-redirects', name: `${m}.request` });
}
ssrfSinks.push({ class: 'ssrf', match: 'module', module: 'http2', name: 'connect' });
// Instances made with axios.create() / got.extend(): receivers named like an HTTP client.
ssrfSinks.push(...HTTP_CLIENT_METHODS.map((name): SinkSpec => ({ class: 'ssrf', match: 'method', name, receiver: /^(axios|http|https|got|client|api|httpClient|httpService|agent)$/i })));

export const SINKS: readonly SinkSpec[] = [
  // SQL: drivers, query builders and ORMs. Tagged templates (sql`...`) and placeholder
  // arguments never reach these as tainted text, so they stay silent.
  ...['query', 'execute', 'prepare', 'unsafe'].map((name): SinkSpec => ({ class: 'sql-injection', match: 'method', name, receiver: SQL_RECEIVER, when: 'string' })),
  // Common names (lowdb's db.get('posts') is no SQL): only text that reads as SQL.
  ...['exec', 'run', 'all', 'get', 'each', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result'].map(
    (name): SinkSpec => ({ class: 'sql-injection', match: 'method', name, receiver: SQL_RECEIVER, when: 'sql-text' }),
  ),
  { class: 'sql-injection', match: 'method', name: 'query', when: 'string', receiver: /^(c|cn|con|client|connection|conn|pool|db|poolConnection)$/i },
  // mssql: pool.request().query(text), new sql.Request(pool).batch(text), a `request` kept in a variable.
  ...['query', 'batch'].map((name): SinkSpec => ({ class: 'sql-injection', match: 'method', name, receiver: /^(request|sqlRequest|mssqlRequest|dbRequest)$/, when: 'sql-text' })),
  { class: 'sql-injection', match: 'method', name: 'query', field: 'text' },
  { class: 'sql-injection', match: 'method', name: 'query', field: 'sql' },
  ...['raw', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw', 'selectRaw', 'onRaw'].map(
    (name): SinkSpec => ({ class: 'sql-injection', match: 'method', name, when: 'string' }),
  ),
  { class: 'sql-injection', match: 'method', name: 'literal', receiver: /^(sequelize|Sequelize|db|orm)$/ },
  { class: 'sql-injection', match: 'module', module: 'sequelize', name: 'literal' },
  { class: 'sql-injection', match: 'module', module: 'sequelize', name: 'Sequelize.literal' },
  // pg-copy-streams: COPY ... TO STDOUT / FROM STDIN text, run through client.query(copyTo(sql)).
  ...['to', 'from', 'both'].map((name): SinkSpec => ({ class: 'sql-injection', match: 'module', module: 'pg-copy-streams', name })),
  { class: 'sql-injection', match: 'method', name: '$queryRawUnsafe' },
  { class: 'sql-injection', match: 'method', name: '$executeRawUnsafe' },
  { class: 'sql-injection', match: 'method', name: 'raw', receiver: /^(sql|Prisma)$/ },
  ...['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving', 'orderBy', 'addOrderBy', 'groupBy', 'select', 'addSelect', 'setParameter'].map(
    (name): SinkSpec => ({ class: 'sql-injection', match: 'method', name, when: 'query-builder' }),
  ),

  // NoSQL: MongoDB/Mongoose filters that may hold an operator object ({ $ne: null }).
  ...['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndRemove', 'findOneAndReplace', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'remove', 'countDocuments', 'count', 'exists', 'replaceOne', 'where', 'aggregate'].map(
    (name): SinkSpec => ({ class: 'nosql-injection', match: 'method', name, when: 'record-filter' }),
  ),
  { class: 'nosql-injection', match: 'method', name: 'mapReduce', when: 'record-filter' },

  // Command
  ...['exec', 'execSync'].map((name): SinkSpec => ({ class: 'command-injection', match: 'module', module: 'child_process', name })),
  ...['spawn', 'spawnSync', 'execFile', 'execFileSync'].map((name): SinkSpec => ({ class: 'command-injection', match: 'module', module: 'child_process', name, args: [0] })),
  ...['spawn', 'spawnSync', 'execFile', 'execFileSync'].map((name): SinkSpec => ({ class: 'command-injection', match: 'module', module: 'child_process', name, args: [1], when: 'shell' })),
  { class: 'command-injection', match: 'module', module: 'execa', name: 'execaCommand' },
  { class: 'command-injection', match: 'module', module: 'execa', name: 'execaCommandSync' },
  ...['execa', 'execaSync', ''].map((name): SinkSpec => ({ class: 'command-injection', match: 'module', module: 'execa', name, args: [0, 1], when: 'shell' })),
  { class: 'command-injection', match: 'module', module: 'shelljs', name: 'exec' },
  { class: 'command-injection', match: 'method', name: 'exec', receiver: /^(shell|shelljs|sh)$/ },
  { class: 'command-injection', match: 'module', module: 'cross-spawn', name: '', args: [1], when: 'shell' },

  // Code
  { class: 'code-injection', match: 'global', name: 'eval' },
  { class: 'code-injection', match: 'global', name: 'Function', args: 'all' },
  { class: 'code-injection', match: 'new', name: 'Function', args: 'all' },
  { class: 'code-injection', match: 'global', name: 'setTimeout', when: 'string' },
  { class: 'code-injection', match: 'global', name: 'setInterval', when: 'string' },
  { class: 'code-injection', match: 'global', name: 'require', when: 'code-module' },
  { class: 'code-injection', match: 'global', name: 'import', when: 'code-module' },
  ...['runInContext', 'runInNewContext', 'runInThisContext', 'compileFunction'].map((name): SinkSpec => ({ class: 'code-injection', match: 'module', module: 'vm', name })),
  { class: 'code-injection', match: 'new', module: 'vm', name: 'Script' },
  { class: 'code-injection', match: 'module', module: 'vm2', name: 'VM.run' },
  { class: 'code-injection', match: 'method', name: 'run', receiver: /^(vm|sandbox)$/i },

  // Path traversal
  ...fsSinks,
  { class: 'path-traversal', match: 'method', name: 'sendFile', when: 'no-root' },
  // @hapi/inert: h.file(path) is confined to the route's files unless `{ confine: false }`.
  { class: 'path-traversal', match: 'method', name: 'file', receiver: /^(h|toolkit|reply|responseToolkit)$/, when: 'confine-off' },
  { class: 'path-traversal', match: 'method', name: 'download', when: 'no-root', receiver: /^(res|response|resp)$/ },
  { class: 'path-traversal', match: 'module', module: 'koa-send', name: '', args: [1], when: 'no-root' },

  // SSRF
  ...ssrfSinks,

  // Open redirect
  { class: 'open-redirect', match: 'method', name: 'redirect', args: 'last', when: 'response' },
  { class: 'open-redirect', match: 'method', name: 'location', when: 'response' },
  { class: 'open-redirect', match: 'method', name: 'redirect', receiver: /^(NextResponse|Response)$/ },
  { class: 'open-redirect', match: 'module', module: 'next/navigation', name: 'redirect' },
  { class: 'open-redirect', match: 'property', name: 'location.href' },
  { class: 'open-redirect', match: 'property', name: 'window.location' },

  // XSS
  { class: 'xss', match: 'method', name: 'send', when: 'html' },
  { class: 'xss', match: 'method', name: 'write', when: 'html' },
  { class: 'xss', match: 'method', name: 'end', when: 'html' },
  { class: 'xss', match: 'method', name: 'response', receiver: /^h$/, when: 'html' },
  { class: 'xss', match: 'new', name: 'Response', when: 'html' },
  { class: 'xss', match: 'property', name: 'innerHTML' },
  { class: 'xss', match: 'property', name: 'outerHTML' },
  { class: 'xss', match: 'method', name: 'insertAdjacentHTML', args: [1] },
  { class: 'xss', match: 'method', name: 'write', receiver: /^document$/ },
  { class: 'xss', match: 'method', name: 'writeln', receiver: /^document$/ },
  { class: 'xss', match: 'method', name: 'html', receiver: /^\$|^jQuery$/ },

  // Prototype pollution: recursive merges and deep setters with input keys.
  ...['merge', 'mergeWith', 'defaultsDeep', 'set', 'setWith', 'zipObjectDeep'].flatMap((name): SinkSpec[] => [
    { class: 'prototype-pollution', match: 'module', module: 'lodash', name, args: name.startsWith('set') || name === 'zipObjectDeep' ? [1] : [1, 2], when: 'lodash-unpatched' },
    { class: 'prototype-pollution', match: 'method', name, receiver: /^(_|lodash)$/, args: name.startsWith('set') || name === 'zipObjectDeep' ? [1] : [1, 2], when: 'lodash-unpatched' },
  ]),
  { class: 'prototype-pollution', match: 'module', module: 'lodash.merge', name: '', args: [1, 2] },
  { class: 'prototype-pollution', match: 'module', module: 'lodash.set', name: '', args: [1] },
  { class: 'prototype-pollution', match: 'module', module: 'dot-prop', name: 'setProperty', args: [1] },
  { class: 'prototype-pollution', match: 'module', module: 'dot-prop', name: 'set', args: [1] },
  { class: 'prototype-pollution', match: 'module', module: 'object-path', name: 'set', args: [1] },
  { class: 'prototype-pollution', match: 'module', module: 'set-value', name: '', args: [1] },
  { class: 'prototype-pollution', match: 'module', module: 'merge', name: 'recursive', args: [1, 2] },
  { class: 'prototype-pollution', match: 'method', name: 'extend', receiver: /^(\$|jQuery)$/, args: [1, 2] },

  // ReDoS
  { class: 'redos', match: 'new', name: 'RegExp' },
  { class: 'redos', match: 'global', name: 'RegExp' },

  // XML
  ...['libxmljs', 'libxmljs2'].flatMap((module) => ['parseXml', 'parseXmlString', 'parseXmlAsync'].map((name): SinkSpec => ({ class: 'xxe', match: 'module', module, name, when: 'noent' }))),
  ...['post', 'put', 'patch'].flatMap((name) => ['axios', 'got', 'superagent'].map((module): SinkSpec => ({ class: 'xml-injection', match: 'module', module, name, args: [1], when: 'xml-text' }))),
  { class: 'xml-injection', match: 'global', name: 'fetch', args: [1], field: 'body', when: 'xml-text' },
  // Hapi's Wreck: Wreck.post(url, { payload }), Wreck.request(method, url, { payload }); needle.post(url, data).
  ...['post', 'put', 'patch'].flatMap((name) => ['@hapi/wreck', 'wreck'].map((module): SinkSpec => ({ class: 'xml-injection', match: 'module', module, name, args: [1], field: 'payload', when: 'xml-text' }))),
  ...['@hapi/wreck', 'wreck'].map((module): SinkSpec => ({ class: 'xml-injection', match: 'module', module, name: 'request', args: [2], field: 'payload', when: 'xml-text' })),
  ...['post', 'put', 'patch'].map((name): SinkSpec => ({ class: 'xml-injection', match: 'module', module: 'needle', name, args: [1], when: 'xml-text' })),
  // The same through a client instance: axios.create(), NestJS HttpService (this.http.post(url, xml)).
  ...['post', 'put', 'patch'].map((name): SinkSpec => ({ class: 'xml-injection', match: 'method', name, args: [1], receiver: /^(axios|http|httpService|httpClient|client|api|got|agent|soap|partner)$/i, when: 'xml-text' })),
  // An XML document sent as the response (Content-Type application/xml, KML, RSS, SOAP).
  ...['send', 'end', 'write'].map((name): SinkSpec => ({ class: 'xml-injection', match: 'method', name, args: [0], when: 'xml-response' })),
  // XML written to a socket or stream (an XMPP or SOAP connection, an XML file being streamed out).
  ...['write', 'end'].map((name): SinkSpec => ({ class: 'xml-injection', match: 'method', name, args: [0], receiver: /(socket|sock|conn|connection|upstream|downstream|stream|out|tls)$/i, receiverKind: 'socket', when: 'xml-text' })),
  // The same XML body through undici and node-fetch: request(url, { body }), fetch(url, { body }).
  ...([['undici', 'request'], ['undici', 'fetch'], ['node-fetch', ''], ['node-fetch', 'default']] as const).map(
    ([module, name]): SinkSpec => ({ class: 'xml-injection', match: 'module', module, name, args: [1], field: 'body', when: 'xml-text' }),
  ),
  ...['appendFile', 'appendFileSync', 'writeFile', 'writeFileSync'].flatMap((name) => ['fs', 'fs/promises'].map((module): SinkSpec => ({ class: 'xml-injection', match: 'module', module, name, args: [1], when: 'xml-text' }))),
  { class: 'ssrf', match: 'module', module: 'axios', name: 'create', field: 'baseURL' },
  { class: 'ssrf', match: 'module', module: 'got', name: 'extend', field: 'prefixUrl' },
  ...['parseXml', 'parseXmlString', 'parseXmlAsync'].map((name): SinkSpec => ({ class: 'xxe', match: 'method', name, when: 'noent' })),
  ...['parseXml', 'parseXmlString', 'parseString', 'parseStringPromise', 'parseFromString', 'xml2js', 'xml2json'].map(
    (name): SinkSpec => ({ class: 'xml-injection', match: 'method', name, when: 'xml-text' }),
  ),
  { class: 'xml-injection', match: 'module', module: 'xml2js', name: 'parseString', when: 'xml-text' },
  { class: 'xpath-injection', match: 'module', module: 'xpath', name: 'select' },
  { class: 'xpath-injection', match: 'module', module: 'xpath', name: 'select1' },
  { class: 'xpath-injection', match: 'module', module: 'xpath', name: 'evaluate' },
  { class: 'xpath-injection', match: 'module', module: 'xpath', name: 'parse' },
  { class: 'xpath-injection', match: 'method', name: 'select', receiver: /^xpath$/ },
  { class: 'xpath-injection', match: 'method', name: 'evaluate', receiver: /^(document|doc|xmlDoc|dom)$/ },
  { class: 'xpath-injection', match: 'method', name: 'find', receiver: /^(doc|xmlDoc|document|xml|root)$/, receiverKind: 'xml-document' },
  { class: 'xpath-injection', match: 'method', name: 'get', receiver: /^(doc|xmlDoc|xml|root)$/, receiverKind: 'xml-document' },

  // LDAP
  { class: 'ldap-injection', match: 'method', name: 'search', args: [1], field: 'filter' },
  { class: 'ldap-injection', match: 'method', name: 'search', args: [0], receiver: /(ldap|client|directory|ad)$/i, when: 'string' },
  { class: 'ldap-injection', match: 'module', module: 'ldapjs', name: 'parseFilter' },
  // client.bind('uid=' + user + ',ou=people,...', password): the DN is built from input.
  { class: 'ldap-injection', match: 'method', name: 'bind', args: [0], receiver: /(ldap|client|ldapClient|conn|connection)$/i, when: 'string' },

  // Log injection
  ...['log', 'info', 'warn', 'error', 'debug', 'trace'].map((name): SinkSpec => ({ class: 'log-injection', match: 'method', name, args: 'all', receiver: /^(console|[Ll]ogger|[Ll]og|LOG|LOGGER|winston|bunyan|signale|consola)$|[a-z0-9](Log|Logger)$|_(log|logger)$/, when: 'string' })),

  ...['appendFile', 'appendFileSync', 'writeFile', 'writeFileSync'].flatMap((name) => ['fs', 'fs/promises'].map((module): SinkSpec => ({ class: 'log-injection', match: 'module', module, name, args: [1], when: 'log-file' }))),
  // stream.write(line) on fs.createWriteStream('/var/log/app/audit.log'): a text log written line by line.
  ...['write', 'end'].map((name): SinkSpec => ({ class: 'log-injection', match: 'method', name, args: [0], when: 'log-stream' })),

  // Insecure deserialization
  { class: 'insecure-deserialization', match: 'module', module: 'node-serialize', name: 'unserialize' },
  { class: 'insecure-deserialization', match: 'method', name: 'unserialize', receiver: /^(serialize|serializer|nodeSerialize)$/i },
  { class: 'insecure-deserialization', match: 'module', module: 'funcster', name: 'deepDeserialize' },
  { class: 'insecure-deserialization', match: 'module', module: 'js-yaml', name: 'unsafeLoad' },
  { class: 'insecure-deserialization', match: 'module', module: 'js-yaml', name: 'load', when: 'yaml-unsafe' },
  { class: 'insecure-deserialization', match: 'module', module: 'js-yaml', name: 'loadAll', when: 'yaml-unsafe' },
  { class: 'insecure-deserialization', match: 'module', module: 'js-yaml', name: 'unsafeLoadAll' },
  { class: 'insecure-deserialization', match: 'method', name: 'unsafeLoad', receiver: /^(yaml|jsyaml|YAML)$/ },
  { class: 'insecure-deserialization', match: 'module', module: 'serialize-to-js', name: 'deserialize' },
  { class: 'insecure-deserialization', match: 'module', module: 'cryo', name: 'parse' },

  // Header injection
  ...['setHeader', 'set', 'header', 'append', 'appendHeader'].map((name): SinkSpec => ({ class: 'header-injection', match: 'method', name, args: [1], when: 'response' })),

  ...['write', 'end'].map((name): SinkSpec => ({ class: 'header-injection', match: 'method', name, receiver: /(socket|sock|conn|connection|stream)$/i, when: 'raw-http' })),

  // Server-side template injection: the template text itself, for engines whose templates run code
  // or reach helpers. Logic-less Mustache and Hogan templates run none: a user's own template there
  // is a feature (its output can still be XSS where it is sent as HTML).
  ...['render', 'compile', 'renderString', 'compileString', 'template', 'renderFile'].flatMap((name): SinkSpec[] =>
    ['ejs', 'pug', 'jade', 'handlebars', 'nunjucks', 'dot', 'eta', 'lodash', 'underscore', 'squirrelly', 'liquidjs', 'art-template', 'marko', 'velocityjs'].map(
      (module): SinkSpec => ({ class: 'template-injection', match: 'module', module, name: name === 'renderFile' ? 'renderString' : name }),
    ),
  ),
  // jsrender: $.templates(markup) or $.templates(name, markup) compiles markup whose {{: }} tags run code (with allowCode) or reach helpers.
  { class: 'template-injection', match: 'module', module: 'jsrender', name: 'templates', args: [0, 1] },
  { class: 'template-injection', match: 'method', name: 'templates', args: [0, 1], receiver: /^(\$|jsrender|jsviews|jsr)$/ },
  { class: 'template-injection', match: 'module', module: 'lodash/template', name: '' },
  // CVE-2021-23337: lodash before 4.17.21 writes template's `variable` option into the compiled function's source.
  { class: 'code-injection', match: 'module', module: 'lodash', name: 'template', args: [1], field: 'variable', when: 'lodash-unpatched' },
  { class: 'code-injection', match: 'method', name: 'template', receiver: /^(_|lodash)$/, args: [1], field: 'variable', when: 'lodash-unpatched' },
  { class: 'code-injection', match: 'module', module: 'lodash.template', name: '', args: [1], field: 'variable' },
  { class: 'template-injection', match: 'module', module: 'lodash.template', name: '' },
  { class: 'template-injection', match: 'module', module: 'lodash', name: 'template' },
  ...['render', 'compile', 'renderString', 'template', 'parseAndRender'].map((name): SinkSpec => ({ class: 'template-injection', match: 'method', name, receiver: /^(ejs|pug|jade|handlebars|Handlebars|hbs|nunjucks|env|doT|dot|Eta|eta|_|engine|liquid|Sqrl|template)$/ })),

  // Data leaks: whole records or secret fields in a response.
  { class: 'data-leak', match: 'method', name: 'json', when: 'response' },
  { class: 'data-leak', match: 'method', name: 'jsonp', when: 'response' },
  { class: 'data-leak', match: 'method', name: 'send', when: 'response' },
  // node:http: res.end(JSON.stringify(rows)), res.write(...).
  { class: 'data-leak', match: 'method', name: 'end', when: 'response' },
  { class: 'data-leak', match: 'method', name: 'write', when: 'response' },
  { class: 'data-leak', match: 'method', name: 'json', receiver: /^(NextResponse|Response)$/ },
  // Hapi: return h.response(user)
  { class: 'data-leak', match: 'method', name: 'response', receiver: /^h$/ },
  // socket.io: io.emit, socket.broadcast.emit, io.to(room).emit, socket.in(room).emit.
  { class: 'data-leak', match: 'method', name: 'emit', args: [1], receiver: /^(socket|io|ws|client|broadcast|to|in|nsp|namespace)$/ },
  { class: 'data-leak', match: 'method', name: 'send', receiver: /^(ws|socket|client|conn|connection|peer)$/ },
];

/** Response objects' property writes that send a body (Koa). */
export const BODY_PROPERTIES: ReadonlySet<string> = new Set(['body']);
