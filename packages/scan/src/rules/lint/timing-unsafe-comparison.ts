import { enclosingFunction, propertyName, staticValue, unwrap } from '../ast.js';
import { nameOf, nameWords } from '../identifier-words.js';
import { isTestFile } from '../test-files.js';
import type { JsRule, Node, RuleSourceCode, Visitors } from '../types.js';

/**
 * `===` on strings returns at the first differing character, so how long a request takes
 * tells an attacker how much of a guessed secret is right. The rule knows secrets by
 * their names and stays silent on checks that do not compare a secret's content
 * (presence, type, length, a literal) and on comparisons of two user inputs.
 */

/** Names that hold a secret whose content an attacker may be guessing. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'passcode', 'secret', 'apikey', 'hmac', 'signature', 'sig',
  'otp', 'totp', 'csrf', 'xsrf', 'authorization',
]);

/**
 * Words that name a secret only in a security context, judged from the enclosing function
 * (or the file, at top level): a hash may be a file checksum or a cache key, and a bare
 * `token` in a parser is a lexer token. `csrfToken`, `accessToken`, `resetToken` need no context.
 */
const CONTEXTUAL_WORDS = new Set(['token', 'hash', 'digest', 'hashed']);
const TOKEN_QUALIFIERS = new Set([
  'access', 'refresh', 'auth', 'bearer', 'id', 'reset', 'session', 'verification', 'verify', 'invite', 'invitation',
  'stored', 'saved', 'user', 'login', 'remember', 'magic', 'confirmation', 'jwt', 'oauth', 'api', 'csrf', 'xsrf',
]);
const SECURITY_CONTEXT = /hmac|signature|password|passwd|secret|api[_-]?key|webhook|bearer|authori[sz]|csrf|xsrf|jwt|session|\breq\b|request|headers|login|cookie/i;

/** A secret's metadata, not its content: `tokenType`, `passwordPolicy`, `secretName`. */
const METADATA_WORDS = new Set([
  'type', 'kind', 'name', 'names', 'id', 'length', 'len', 'count', 'size', 'index', 'idx', 'url', 'uri', 'path',
  'field', 'algorithm', 'alg', 'algo', 'policy', 'rule', 'rules', 'version', 'expiry', 'expires', 'expiration',
  'status', 'enabled', 'required', 'mode', 'format', 'encoding', 'prefix', 'label', 'hint', 'strength', 'regex',
  'pattern', 'changed', 'placeholder', 'min', 'max', 'position', 'pos', 'line', 'column', 'start', 'end',
  // a token's public claims and the error codes about one: `TOKEN_ISSUER`, `INVALID_SESSION_TOKEN`
  'issuer', 'iss', 'audience', 'aud', 'scope', 'scopes', 'invalid', 'missing', 'error', 'errors',
]);

/**
 * Objects that hold named constants (`Error.INVALID_SESSION_TOKEN`, `Types.beforePasswordReset`,
 * `TokenKind.X`): comparing with one of their members is comparing with a known label.
 */
const ENUM_HOLDER = /^(?:[A-Z]\w*)?(?:Error|Errors|Type|Types|Kind|Kinds|Code|Codes|Status|Statuses|Event|Events|Mode|Modes|State|States|Reason|Reasons|Action|Actions)$/;

/** `password === confirmPassword` compares two things the user typed: nothing to leak. */
const CONFIRM_WORDS = new Set(['confirm', 'confirmation', 'confirmed', 'repeat', 'repeated', 'retype', 'again']);
/** `secret === DEFAULT_SECRET` checks for a value everybody knows: nothing to guess. */
const PUBLIC_VALUE_WORDS = new Set([
  'default', 'example', 'sample', 'placeholder', 'dummy', 'empty', 'blank',
  // a password strength check: `badPassword === password` over a list of common ones
  'bad', 'common', 'weak', 'banned', 'blocked', 'forbidden', 'disallowed',
]);
/** `email === password`, `blogTitle === password`: a password compared with public facts is a strength check. */
const PUBLIC_INFO_WORDS = new Set(['email', 'mail', 'title', 'username', 'url', 'host', 'hostname', 'domain', 'site']);
const NEW_WORDS = new Set(['new']);
const OLD_WORDS = new Set(['old', 'current', 'previous', 'prev', 'existing']);

/** Methods that return the same secret in another form. */
const SAME_VALUE_METHODS = new Set(['toString', 'toLowerCase', 'toUpperCase', 'trim', 'valueOf', 'normalize']);

/** `req.get('X-Signature')`, `headers.get('x-api-key')`: the header name is the value's name. */
const HEADER_GETTERS = new Set(['get', 'header', 'getHeader']);

const OPERATORS = new Set(['===', '!==', '==', '!=']);

type Strength = 'strong' | 'contextual';
interface Secret {
  readonly name: string;
  readonly strength: Strength;
}

/** PascalCase names are types, classes and enum members (`SyntaxKind.EqualsToken`), not secrets. */
const isPascalCase = (name: string): boolean => /^[A-Z][a-z]/.test(name);

function classify(name: string | undefined): Secret | undefined {
  if (!name || isPascalCase(name)) return undefined;
  const words = nameWords(name);
  if (words.some((w) => METADATA_WORDS.has(w))) return undefined;
  if (words.some((w) => SECRET_WORDS.has(w)) || (words.includes('api') && words.includes('key'))) return { name, strength: 'strong' };
  if (words.includes('token') && words.some((w) => TOKEN_QUALIFIERS.has(w))) return { name, strength: 'strong' };
  if (words.some((w) => CONTEXTUAL_WORDS.has(w))) return { name, strength: 'contextual' };
  return undefined;
}

/** The name a compared value goes by, for judging it. */
function valueName(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    const method = propertyName(n.callee.property, n.callee.computed);
    if (method && SAME_VALUE_METHODS.has(method)) return valueName(n.callee.object);
    if (method && HEADER_GETTERS.has(method) && n.arguments.length === 1) return staticValue(n.arguments[0]) ?? method;
  }
  return nameOf(n);
}

/** The secret a side of the comparison holds, including one spliced into a template. */
function secretOf(node: Node): Secret | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'TemplateLiteral') {
    for (const e of n.expressions) {
      const s = secretOf(e);
      if (s) return s;
    }
    return undefined;
  }
  if (n.type === 'BinaryExpression' && n.operator === '+') return secretOf(n.left) ?? secretOf(n.right);
  return classify(valueName(n));
}

/** Presence, type and length checks and literals say nothing about a secret's content. */
function isTrivial(node: Node): boolean {
  const n = unwrap(node);
  if (!n) return true;
  if (n.type === 'Literal' || staticValue(n) !== undefined) return true;
  if (n.type === 'Identifier' && (n.name === 'undefined' || n.name === 'NaN' || n.name === 'Infinity')) return true;
  if (n.type === 'UnaryExpression' && (n.operator === 'typeof' || n.operator === 'void' || unwrap(n.argument)?.type === 'Literal')) return true;
  const name = nameOf(n);
  if (n.type === 'MemberExpression' && name && isPascalCase(name)) return true; // an enum member: TokenKind.Comma
  if (n.type === 'MemberExpression' && !n.computed && ENUM_HOLDER.test(nameOf(n.object) ?? '')) return true; // Error.INVALID_SESSION_TOKEN
  return name === 'length' || name === 'size' || name === 'byteLength';
}

function wordsOf(node: Node): readonly string[] {
  const name = valueName(node);
  return name ? nameWords(name) : [];
}

/** Two user inputs (`password !== confirmPassword`, `newPassword === currentPassword`), or a known default. */
function comparesTwoInputs(left: Node, right: Node): boolean {
  const l = wordsOf(left);
  const r = wordsOf(right);
  if ([...l, ...r].some((w) => CONFIRM_WORDS.has(w) || PUBLIC_VALUE_WORDS.has(w))) return true;
  const has = (ws: readonly string[], set: Set<string>): boolean => ws.some((w) => set.has(w));
  return (has(l, NEW_WORDS) && has(r, OLD_WORDS)) || (has(r, NEW_WORDS) && has(l, OLD_WORDS));
}

/** Both sides are fields of the same object (`data.a` and `data.b`, `body.x` and `body.y`). */
function sameRecord(left: Node, right: Node, sourceCode: RuleSourceCode): boolean {
  const record = (n: Node): Node | undefined => {
    let u = unwrap(n);
    while (u?.type === 'CallExpression' && u.callee.type === 'MemberExpression' && SAME_VALUE_METHODS.has(propertyName(u.callee.property, u.callee.computed) ?? '')) u = unwrap(u.callee.object);
    return u?.type === 'MemberExpression' && !u.computed ? unwrap(u.object) ?? undefined : undefined;
  };
  const a = record(left);
  const b = record(right);
  return !!a && !!b && a.type !== 'ThisExpression' && sourceCode.getText(a) === sourceCode.getText(b);
}

/** Inside `if (!token) { ... }` the token is empty: there is nothing to time. */
function insideAbsenceGuard(node: Node, sourceCode: RuleSourceCode, sides: readonly Node[]): boolean {
  const texts = new Set(sides.map((s) => sourceCode.getText(unwrap(s) ?? s)));
  let child: Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'IfStatement' && p.consequent === child) {
      const test = unwrap(p.test);
      if (test?.type === 'UnaryExpression' && test.operator === '!' && texts.has(sourceCode.getText(unwrap(test.argument) ?? test.argument))) {
        return true;
      }
    }
  }
  return false;
}

function isRequestValue(node: Node, sourceCode: RuleSourceCode): boolean {
  return /^(req|request|ctx|event|headers)\b/.test(sourceCode.getText(unwrap(node) ?? node));
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'timing-unsafe-comparison',
    title: 'Secret compared with === (timing attack)',
    practice: 7,
    cwe: 'CWE-208',
    severity: 'medium',
    confidence: 'medium',
    description:
      'String equality (===, ==, !==, !=) stops at the first character that differs, so a comparison with a guessed API key, HMAC signature, token or password takes slightly longer the more leading characters are right. Measured over many requests, that difference lets an attacker recover the secret one character at a time. Checks for presence, type or length, comparisons with literals and comparisons of two values the user typed are not reported.',
    fix: 'Compare secrets with crypto.timingSafeEqual() on two Buffers of equal length (compare the lengths first, or compare HMACs of both values so lengths always match); verify passwords with the password hash library.',
  },
  samples: {
    valid: [
      'app.use((req, res, next) => { const token = req.get("x-token"); if (token === undefined || token === null) return next(); check(token); });',
      'if (typeof secret === "string" && secret.length > 0) use(secret);',
      'if (hash.length === 64) accept(hash);',
      'if (password === "") errors.push("Password is required");',
      'function register({ password, confirmPassword }, res) { if (password !== confirmPassword) return res.status(400).send("Passwords do not match"); }',
      'if (body.newPassword === body.currentPassword) throw new Error("Choose a different password");',
      'if (token.type === TokenType.Punctuator && token.value === "(") depth++;',
      'function parseType(tokens) { const token = tokens.shift(); if (token !== op) throw new Error("Expected " + op); }',
      'function isExtends(parent) { return parent.token === ts.SyntaxKind.ExtendsKeyword || node.kind === SyntaxKind.EqualsToken; }',
      'if (tokenType !== expectedType) throw new TypeError("unexpected token type");',
      'function cached(file) { const fileHash = sha1(file); if (fileHash === lastHash) return cache; lastHash = fileHash; }',
      'if (crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) next();',
      'if (passwordPolicy === strictPolicy) minLength = 12;',
      'function auth(token, expected) { if (!token) { log(token === expected ? "both empty" : "missing"); return false; } return safeEqual(token, expected); }',
      'for (;;) { const token = scanner.next(); if (tokens.length === 0 || token.kind === SyntaxKind.EndOfFile) break; tokens.push(token); }',
      'if (req.headers.authorization === `Bearer ${"static"}`) ok();',
      'if (config.sessionSecret === DEFAULT_SESSION_SECRET) logger.warn("change the default session secret");',
      'function verifyIdToken(jwtClaims) { if (jwtClaims.iss !== TOKEN_ISSUER) throw new Error("id token not issued by Apple"); }',
      'if (error && error.code === Parse.Error.INVALID_SESSION_TOKEN) return reconnect(req.sessionToken);',
      'if (triggerType === Types.beforePasswordResetRequest && req.auth.isMaster) return next();',
      'function validatePassword(password, email) { for (const badPassword of COMMON_PASSWORDS) if (badPassword === password) return false; return email.toLowerCase() !== password.toLowerCase(); }',
      'function check(data) { if (data.newPassword !== data.ne2Password) throw new ValidationError("Your new passwords do not match"); }',
      { code: 'assert.ok(res.body.token === issued.token);', filename: 'test/auth.test.ts' },
    ],
    invalid: [
      'app.use((req, res, next) => { if (req.headers["x-api-key"] !== process.env.API_KEY) return res.sendStatus(401); next(); });',
      `const expected = crypto.createHmac('sha256', secret).update(req.rawBody).digest('hex');
if (expected !== req.get('X-Hub-Signature-256')) throw new Error('bad signature');`,
      'if (user.password === req.body.password) login(user);',
      'function verify(payload, signature) { return hmac(payload).digest("hex") === signature; }',
      'if (token != storedToken) { res.status(403).end(); }',
      { code: 'export function check(csrfToken: string, session: Session): boolean { return csrfToken === session!.csrfToken; }', filename: 'csrf.ts' },
      'if (`Bearer ${API_TOKEN}` !== req.headers.authorization) deny();',
      'if (req.body.otp.trim() == user.otp) verified = true;',
      {
        code: 'const hash = createHash("sha256").update(password + user.salt).digest("hex"); if (hash === user.hash) login(user);',
      },
      'app.use((req, res, next) => { if (req.query.token !== process.env.ADMIN_TOKEN) return res.sendStatus(403); next(); });',
      { code: 'if (req.query.token !== session.resetToken || req.query.otp != user.otp) fail();', count: 2 },
    ],
  },
  create(context): Visitors {
    if (isTestFile(context.filename)) return {}; // assertions in tests are not an oracle for attackers
    const securityContext = (node: Node): boolean => {
      const fn = enclosingFunction(node);
      return SECURITY_CONTEXT.test(fn ? context.sourceCode.getText(fn) : context.sourceCode.text);
    };
    return {
      BinaryExpression(node) {
        if (!OPERATORS.has(node.operator)) return;
        const { left, right } = node;
        if (isTrivial(left) || isTrivial(right)) return;
        const sides = [secretOf(left), secretOf(right)];
        const secret = sides.find((s) => s?.strength === 'strong') ?? sides.find((s) => s);
        if (!secret) return;
        if (comparesTwoInputs(left, right)) return;
        // The secret against a public fact about the user or the site: nothing to guess.
        const other = sides[0] && !sides[1] ? right : sides[1] && !sides[0] ? left : undefined;
        if (other && wordsOf(other).some((w) => PUBLIC_INFO_WORDS.has(w))) return;
        // Two fields of one record (`data.newPassword !== data.confirmation`): values that arrived together.
        if (sameRecord(left, right, context.sourceCode)) return;
        if (context.sourceCode.getText(unwrap(left) ?? left) === context.sourceCode.getText(unwrap(right) ?? right)) return;
        if (insideAbsenceGuard(node, context.sourceCode, [left, right])) return;
        const strong = secret.strength === 'strong';
        const fromRequest = isRequestValue(left, context.sourceCode) || isRequestValue(right, context.sourceCode);
        if (!strong && !fromRequest && !securityContext(node)) return;
        context.report({
          node,
          confidence: strong || fromRequest ? 'medium' : 'low',
          message: `\`${secret.name}\` is compared with ${node.operator}, which stops at the first differing character: response times let an attacker guess it character by character.`,
        });
      },
    };
  },
};

export default rule;
