import type { SecretRule, SecretSample } from '../types.js';
import { isRepetitive } from '../placeholders.js';

const KEY_ROTATE =
  'Treat the key as compromised: generate a new key pair, install the new public key (server, deploy key, TLS certificate, signing config), remove the old one everywhere, and keep the private key in a secret store or key vault.';

/** A PEM body line of 64 random base64 characters, as the samples build them. */
const BODY = '{{[A-Za-z0-9+/]{64}}}';

/**
 * How each kind of key body starts. DER structures (PKCS#1, SEC1, PKCS#8) open with an ASN.1
 * SEQUENCE, byte 0x30, which base64 writes as "M"; OpenSSH keys with "openssh-key-v1". A body
 * that starts otherwise is a placeholder or damaged, unless headers say it is encrypted
 * (legacy "Proc-Type: 4,ENCRYPTED" PEM). PGP packets vary: no check.
 */
interface KeyFormat {
  readonly label: string;
  readonly start?: RegExp;
  /** How the samples' first body line starts: a real key's first bytes. */
  readonly sampleStart: string;
}

function pemSamples(format: KeyFormat): SecretSample[] {
  const first = `${format.sampleStart}{{[A-Za-z0-9+/]{${64 - format.sampleStart.length}}}}`;
  const block = (lines: number) => `-----BEGIN ${format.label}-----\n${[first, ...Array.from({ length: lines - 1 }, () => BODY)].join('\n')}\n{{[A-Za-z0-9+/]{20}}}==\n-----END ${format.label}-----\n`;
  return [{ text: block(6), path: 'deploy/key.pem' }, { text: `const key = \`${block(4)}\`;\n`, path: 'src/sign.js' }];
}

/**
 * A PEM private key block. The body (base64, optional "Header: value" lines, \n escapes in
 * JSON or code strings) must hold at least 64 base64 characters ("..." in documentation is
 * not a key) and start as its format does.
 */
function pemRule(id: string, title: string, format: KeyFormat, access: string): SecretRule {
  const { label } = format;
  return {
    id,
    title,
    keywords: [`-----begin ${label.toLowerCase()}`],
    multiline: true,
    regex: new RegExp(String.raw`-----BEGIN ${label}-----([\s\S]{40,16384}?)-----END ${label}-----`, 'g'),
    extract(m) {
      const lines = m[1].replace(/\\[nr]/g, '\n').split('\n');
      const headers = lines.filter((l) => /^\s*[A-Za-z-]+:/.test(l));
      const body = lines
        .filter((l) => !/^\s*[A-Za-z-]+:/.test(l))
        .join('')
        .replace(/[\s"'`+,]/g, '');
      if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body) || isRepetitive(body.replace(/=+$/, ''))) return undefined;
      if (format.start && headers.length === 0 && !format.start.test(body)) return undefined;
      return m[0];
    },
    severity: 'critical',
    access,
    rotate: KEY_ROTATE,
    samples: {
      truePositives: pemSamples(format),
      falsePositives: [
        `-----BEGIN ${label}-----\n...\n-----END ${label}-----`,
        `const pem = fs.readFileSync("key.pem"); // -----BEGIN ${label}-----`,
        ...(format.start ? [`-----BEGIN ${label}-----\nYOURKEYGOESHERE{{[A-Za-z0-9+/]{64}}}\n{{[A-Za-z0-9+/]{64}}}\n-----END ${label}-----\n`] : []),
      ],
    },
  };
}

const DER = /^M/;

/** Private keys (PEM, OpenSSH, PGP) and literal JWT signing secrets. */
export const KEY_RULES: readonly SecretRule[] = [
  pemRule('private-key-rsa', 'RSA private key (PKCS#1)', { label: 'RSA PRIVATE KEY', start: DER, sampleStart: 'MIIEowIBAAKCAQEA' }, 'Decrypts and signs as the key\'s owner: TLS server identity, SSH access, JWT (RS256) signing, or code signing, wherever its public key is trusted.'),
  pemRule('private-key-ec', 'EC private key', { label: 'EC PRIVATE KEY', start: DER, sampleStart: 'MHcCAQEEI' }, 'Signs as the key\'s owner (TLS, ES256 JWTs, SSH) wherever its public key is trusted.'),
  pemRule('private-key-dsa', 'DSA private key', { label: 'DSA PRIVATE KEY', start: DER, sampleStart: 'MIIBuwIBAAKBgQ' }, 'Signs as the key\'s owner wherever its public key is trusted (legacy SSH and TLS).'),
  pemRule('private-key-openssh', 'OpenSSH private key', { label: 'OPENSSH PRIVATE KEY', start: /^b3BlbnNzaC1rZXktdjE/, sampleStart: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB' }, 'Logs in over SSH to every server and git host (deploy keys) where its public key is in authorized_keys.'),
  pemRule('private-key-pkcs8', 'Private key (PKCS#8)', { label: 'PRIVATE KEY', start: DER, sampleStart: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' }, 'Signs and decrypts as the key\'s owner (TLS server, JWT signing, service account) wherever its public key is trusted.'),
  pemRule('private-key-pkcs8-encrypted', 'Encrypted private key (PKCS#8)', { label: 'ENCRYPTED PRIVATE KEY', start: DER, sampleStart: 'MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQww' }, 'Signs as the key\'s owner once its passphrase is guessed or found next to it; offline guessing has no rate limit.'),
  pemRule('private-key-pgp', 'PGP private key block', { label: 'PGP PRIVATE KEY BLOCK', sampleStart: 'lQdGBG' }, 'Signs releases, commits and mail as the key\'s owner and decrypts everything encrypted to them.'),
  {
    id: 'jwt-literal-secret',
    title: 'JWT signed or verified with a literal secret',
    keywords: ['jwt.sign', 'jwt.verify', 'jsonwebtoken.sign', 'jsonwebtoken.verify', 'jwt.encode', 'jwt.decode'],
    // jwt.sign(payload, 'literal', ...): the secret is the second argument and a string literal.
    // Comment lines are left alone: they show the call's shape in documentation.
    regex: /^(?![ \t]{0,40}(?:\/\/|\/\*|\*|#))[^\n]{0,400}?(?:jwt|jsonwebtoken)\.(?:sign|verify|encode|decode)\s{0,3}\([^\n]{1,300}?,\s{0,3}(["'`])([^"'`\\\s]{1,200})\1\s{0,3}[,)]/gi,
    extract: (m) => m[2],
    anyLiteral: true,
    severity: 'high',
    access: 'Whoever reads this secret mints valid tokens for any user and role your API accepts: a full authentication bypass.',
    rotate: 'Generate a long random secret (openssl rand -base64 48), load it from the environment or a secret store, deploy it (which logs everyone out), and prefer asymmetric keys (RS256/ES256) for tokens other services verify.',
    samples: {
      truePositives: [
        "const token = jwt.sign({ sub: user.id, role: 'admin' }, 'shhhhh-{{[a-z0-9]{6}}}', { expiresIn: '1h' });",
        { text: 'const claims = jwt.verify(req.headers.authorization, "{{[A-Za-z0-9]{24}}}");', path: 'src/auth.ts' },
        // The classic: the word itself is the key, and anyone can guess it.
        "const token = jwt.sign({ id: user.id }, 'secret');",
        'module.exports = (req) => jwt.verify(req.cookies.token, "changeme");',
      ],
      falsePositives: ["const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });", 'jwt.verify(token, secret, (err, claims) => done(err, claims));', "jwt.sign(payload, 'YOUR_SECRET_HERE')"],
    },
  },
];
