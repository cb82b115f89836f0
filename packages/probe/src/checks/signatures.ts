/**
 * Content signatures, as data: each carries leaking and clean samples that
 * test/signatures.test.ts runs, so a miss or a false alarm fails the build. Every pattern is
 * linear-time on a 1 MiB body (bounded classes, no ambiguous nested quantifiers).
 */
export interface Signature {
  readonly id: string;
  /** What a match means, shown in the report. */
  readonly label: string;
  readonly pattern: RegExp;
  readonly samples: { readonly match: readonly string[]; readonly clean: readonly string[] };
}

/** Verbose errors: stack traces, server paths, SQL errors, framework debug pages. */
export const VERBOSE_ERROR_SIGNATURES: readonly Signature[] = Object.freeze([
  {
    id: 'node-stack-trace',
    label: 'a JavaScript stack trace with server file paths',
    pattern: /\bat (?:[\w$.<>[\] ]{1,120} \()?(?:file:\/\/)?(?:\/|[A-Za-z]:\\|node:)[^\s():<>]{1,300}:\d{1,7}:\d{1,7}/,
    samples: {
      match: [
        'SyntaxError: Unexpected end of JSON input\n    at JSON.parse (<anonymous>)\n    at parse (/srv/app/node_modules/body-parser/lib/types/json.js:92:19)',
        '<pre>BadRequestError: Failed to decode param<br> &nbsp; &nbsp;at decode_param (C:\\app\\node_modules\\router\\lib\\layer.js:172:15)</pre>',
        'at Object.<anonymous> (file:///home/u/app/server.mjs:10:5)',
        '    at node:internal/process/task_queues:95:5',
      ],
      clean: ['<p>Something went wrong. Request id 42.</p>', 'Meet us at /events/2024 at 10:30', '{"error":"Bad Request","statusCode":400}'],
    },
  },
  {
    id: 'python-traceback',
    label: 'a Python traceback',
    pattern: /Traceback \(most recent call last\)|File "[^"\n]{1,300}", line \d{1,7}, in /,
    samples: { match: ['Traceback (most recent call last):\n  File "/app/views.py", line 12, in index'], clean: ['Python tips: read the traceback'] },
  },
  {
    id: 'java-stack-trace',
    label: 'a Java or .NET stack trace',
    pattern: /\bat (?:[\w$]{1,80}\.){2,30}[\w$<>]{1,80}\((?:[\w$]{1,80}\.java:\d{1,7}|Native Method|Unknown Source)\)|\bat [\w.]{1,200}\([^()\n]{0,300}\) in [^\n]{1,300}:line \d{1,7}/,
    samples: {
      match: ['java.lang.NullPointerException\n\tat com.shop.web.CartController.add(CartController.java:42)', 'at Shop.Web.Cart.Add(Int32 id) in C:\\src\\Cart.cs:line 42'],
      clean: ['Meet at com.example.org (main hall)'],
    },
  },
  {
    id: 'php-error',
    label: 'a PHP error message with a file path',
    pattern: /<b>(?:Fatal error|Warning|Parse error|Notice)<\/b>:[^\n]{0,400} in <b>[^<\n]{1,300}<\/b> on line <b>\d|PHP (?:Fatal error|Warning|Parse error):/,
    samples: { match: ['<b>Fatal error</b>:  Uncaught Error in <b>/var/www/index.php</b> on line <b>3</b>'], clean: ['<b>Warning</b>: the shop closes at 6'] },
  },
  {
    id: 'sql-error',
    label: 'a database error message',
    pattern:
      /SQLSTATE\[\w{1,10}\]|You have an error in your SQL syntax|ER_(?:PARSE_ERROR|BAD_FIELD_ERROR|NO_SUCH_TABLE)|SQLITE_ERROR|syntax error at or near "|unterminated quoted string at or near|\bORA-\d{5}\b|Unclosed quotation mark after the character string|relation "[^"\n]{1,128}" does not exist|MongoServerError|Cast to ObjectId failed/,
    samples: {
      match: ['error: syntax error at or near "\'" at character 35', "ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual", 'SQLITE_ERROR: no such column: nam', 'error: relation "userz" does not exist'],
      clean: ['Our SQL course starts Monday', 'Order #ORA-12 shipped'],
    },
  },
  {
    id: 'framework-debug-page',
    label: 'a framework debug page',
    pattern:
      /Werkzeug Debugger|<title>Action Controller: Exception caught<\/title>|Whoops, looks like something went wrong|Server Error in '\/' Application|you have <code>DEBUG = True<\/code>|<title>[^<\n]{0,200}Exception\b[^<\n]{0,50}<\/title>/,
    samples: {
      match: ["<h1>Server Error in '/' Application.</h1>", "You're seeing this error because you have <code>DEBUG = True</code> in your Django settings file.", '<title>TypeError: Exception in handler</title>'],
      clean: ['<title>Exceptional service since 1999</title>', '<title>Shop</title>'],
    },
  },
  {
    id: 'server-file-path',
    label: 'an absolute server file path with a line number',
    pattern: /(?:\/(?:home|Users|usr|srv|var|opt|root|app|workspace|builds?|tmp)\/|\b[A-Za-z]:\\)[^\s"'<>()]{1,300}\.(?:js|mjs|cjs|ts|py|rb|php|java|go|cs):\d{1,7}/,
    samples: { match: ['failed in /usr/src/app/routes/cart.js:17', 'C:\\inetpub\\site\\app.ts:9'], clean: ['<script src="/app/main.js"></script>', 'see /docs/api.md'] },
  },
] as Signature[]);

/** Auto-generated directory indexes of common servers and Node middleware. */
export const DIRECTORY_LISTING_SIGNATURES: readonly Signature[] = Object.freeze([
  {
    id: 'index-of-title',
    label: 'an "Index of /..." page (nginx autoindex, Apache, lighttpd, http-server)',
    pattern: /<title>\s{0,20}Index of \/|<h1>\s{0,20}Index of \//i,
    samples: { match: ['<html><head><title>Index of /static/</title></head>'], clean: ['<title>Index of products</title>'] },
  },
  {
    id: 'serve-index',
    label: 'a serve-index listing (Express)',
    pattern: /<title>listing directory \/|<ul id="files"/i,
    samples: { match: ['<title>listing directory /public/</title>'], clean: ['<ul id="filters">'] },
  },
  {
    id: 'directory-listing-for',
    label: 'a "Directory listing for /" page (Python http.server, Jetty)',
    pattern: /<title>\s{0,20}(?:Directory listing for|Directory:) \//i,
    samples: { match: ['<title>Directory listing for /</title>'], clean: ['<title>Directory of shops</title>'] },
  },
  {
    id: 'iis-listing',
    label: 'an IIS directory browsing page',
    pattern: /\[To Parent Directory\]/,
    samples: { match: ['<A HREF="/">[To Parent Directory]</A>'], clean: ['Go to the parent page'] },
  },
] as Signature[]);

/** Files that must never be served, each with the shape its real content has. */
export interface ExposedFile {
  readonly id: string;
  readonly path: string;
  readonly title: string;
  /** True when the body really is such a file (not an HTML catch-all or a custom 200 page). */
  looksLike(body: string): boolean;
  /** What the report may show: names, never secret values. */
  evidence(body: string): string;
  readonly samples: { readonly match: readonly string[]; readonly clean: readonly string[] };
}

const HTML = /<(?:!doctype|html|head|body|script|div|p)\b/i;
const ENV_LINE = /^\s{0,20}(?:export\s{1,10})?([A-Za-z_][A-Za-z0-9_.-]{0,120})\s{0,10}=/;

function meaningfulLines(body: string): string[] {
  return body
    .split(/\r?\n/, 2000)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export const EXPOSED_FILES: readonly ExposedFile[] = Object.freeze([
  {
    id: 'exposed-env-file',
    path: '/.env',
    title: 'Environment file (.env) served',
    looksLike(body: string) {
      if (HTML.test(body.slice(0, 4096))) return false;
      const lines = meaningfulLines(body);
      const assignments = lines.filter((l) => ENV_LINE.test(l)).length;
      return assignments >= 1 && assignments >= lines.length * 0.6;
    },
    evidence(body: string) {
      const names = meaningfulLines(body)
        .map((l) => ENV_LINE.exec(l)?.[1])
        .filter((n): n is string => !!n);
      return `keys ${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''} (values not shown)`;
    },
    samples: {
      match: ['DATABASE_URL=postgres://u:p@db/app\nJWT_SECRET=abc\n# comment\n', 'export API_KEY="x"\n'],
      clean: ['<!doctype html><html><body>app</body></html>', 'Not Found', 'a=b is how you write it, as the manual says\nsee the docs\nmore text\nand more'],
    },
  },
  {
    id: 'exposed-git-head',
    path: '/.git/HEAD',
    title: 'Git metadata (.git/HEAD) served',
    looksLike: (body: string) => /^(?:ref: ?refs\/[^\s]{1,200}|[0-9a-f]{40}(?:[0-9a-f]{24})?)\s*$/.test(body.slice(0, 300)),
    evidence: (body: string) => body.slice(0, 120).trim(),
    samples: { match: ['ref: refs/heads/main\n', 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n'], clean: ['<!doctype html><title>app</title>', 'ref: see the manual'] },
  },
  {
    id: 'exposed-git-config',
    path: '/.git/config',
    title: 'Git configuration (.git/config) served',
    looksLike: (body: string) => !HTML.test(body.slice(0, 4096)) && /^\s{0,8}\[core\]\s*$/m.test(body.slice(0, 65536)),
    evidence: (body: string) => {
      const sections = body.slice(0, 65536).match(/^\s{0,8}\[[^\]\n]{1,200}\]/gm) ?? [];
      return `sections ${sections.map((s) => s.trim()).slice(0, 6).join(' ')} (remote URLs not shown)`;
    },
    samples: { match: ['[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://tok@github.com/a/b\n'], clean: ['<html>[core]</html>', 'core values'] },
  },
] as ExposedFile[]);

/** Response headers that advertise the software and its version. */
export interface BannerHeader {
  readonly header: string;
  /** Fails when this matches the value; `undefined` fails on any value. */
  readonly versionPattern?: RegExp;
}
export const BANNER_HEADERS: readonly BannerHeader[] = Object.freeze([
  { header: 'x-powered-by' },
  { header: 'x-aspnet-version' },
  { header: 'x-aspnetmvc-version' },
  { header: 'server', versionPattern: /\/\s{0,3}v?\d|\b\d{1,4}\.\d{1,4}/ },
  { header: 'x-generator', versionPattern: /\d/ },
]);
