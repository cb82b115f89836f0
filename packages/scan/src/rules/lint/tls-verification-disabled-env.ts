import type { Confidence } from '@rampart/core';
import { isDockerfilePath } from '../container/dockerfile-parse.js';
import { INSECURE_CONNECTION_PARAMETER, NODE_TLS_VARIABLE } from '../tls-verification.js';
import type { FileFindingInput, FileRule } from '../types.js';

/**
 * The same switch as `tls-verification-disabled`, thrown outside the code: in the
 * environment a process starts with (package.json scripts, .env files, Dockerfile ENV,
 * Compose and CI files, shell scripts) or in the package manager's own settings.
 */

/** What turns checks off, line by line. Each pattern's first group is shown in the message. */
const SETTINGS: readonly { readonly pattern: RegExp; readonly message: (m: RegExpExecArray) => string }[] = [
  {
    // NODE_TLS_REJECT_UNAUTHORIZED=0, : "0", =\"0\" inside a JSON string; not =1, not =${VAR}
    pattern: new RegExp(`\\b(${NODE_TLS_VARIABLE})["']?\\s*[=:]\\s*(\\\\?["']?)0\\2(?![\\w.])`),
    message: () => `${NODE_TLS_VARIABLE}=0 makes every TLS connection of the Node process accept any certificate`,
  },
  {
    // Dockerfile's legacy form: ENV NODE_TLS_REJECT_UNAUTHORIZED 0
    pattern: new RegExp(`^\\s*ENV\\s+(${NODE_TLS_VARIABLE})\\s+(["']?)0\\2\\s*$`, 'i'),
    message: () => `ENV ${NODE_TLS_VARIABLE} 0 makes every TLS connection of the Node process accept any certificate`,
  },
  {
    // npm/yarn/pnpm without registry certificate checks: packages can be swapped in transit
    pattern: /((?:npm|yarn|pnpm)\s+config\s+set\s+strict-ssl\s+false|--strict-ssl[=\s]false|npm_config_strict_ssl\s*[=:]\s*["']?false|^\s*strict-ssl\s*=\s*false|^\s*strict-ssl\s+false|^\s*enableStrictSsl\s*:\s*false)\b/i,
    message: (m) => `\`${m[1].trim()}\` makes the package manager accept any registry certificate, so a network attacker can swap the packages you install`,
  },
  {
    pattern: INSECURE_CONNECTION_PARAMETER,
    message: (m) => `The connection string sets \`${m[1]}\`, which accepts any certificate`,
  },
];

const ENV_FILE = /(^|\/)(\.env(\.[\w.-]+)?|[\w.-]+\.env)$/;
/** .env.example and friends are templates: copied as they are, but not the live setting. */
const TEMPLATE_FILE = /\.(example|sample|template|dist|defaults?)$/;
const COMPOSE_OR_CI = /(^|\/)((docker-)?compose[\w.-]*\.ya?ml|\.gitlab-ci\.ya?ml|\.github\/workflows\/[^/]+\.ya?ml|Procfile)$/;
const PACKAGE_MANAGER_CONFIG = /(^|\/)(\.npmrc|\.yarnrc|\.yarnrc\.yml|\.pnpmrc)$/;

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function isComment(line: string, path: string): boolean {
  const t = line.trimStart();
  if (basename(path) === 'package.json') return false;
  return t.startsWith('#') || (PACKAGE_MANAGER_CONFIG.test(path) && t.startsWith(';'));
}

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'tls-verification-disabled-env',
    title: 'TLS certificate checks turned off in environment or config files',
    practice: 7,
    cwe: 'CWE-295',
    severity: 'high',
    confidence: 'high',
    description:
      'NODE_TLS_REJECT_UNAUTHORIZED=0 in a package.json script, an .env file, a Dockerfile ENV, a Compose or CI file turns off certificate checks for every HTTPS, database and API connection the process makes, far from the code that a reviewer reads. strict-ssl=false in .npmrc or `npm config set strict-ssl false` does the same for package downloads, and sslmode=no-verify in a database URL for the database. An attacker on the network path can then impersonate any server, or swap the packages you install.',
    fix: 'Remove the setting. Trust a private or corporate CA with NODE_EXTRA_CA_CERTS=/path/ca.pem (Node) or cafile= in .npmrc, and use sslmode=verify-full with the provider\'s CA for databases.',
  },
  samples: {
    valid: [
      { filename: '.env', code: 'NODE_ENV=production\nNODE_TLS_REJECT_UNAUTHORIZED=1\nNODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem\n' },
      { filename: '.env.local', code: '# NODE_TLS_REJECT_UNAUTHORIZED=0   only ever on a laptop\nAPI_URL=https://api.example.com\n' },
      { filename: '.env', code: 'NODE_TLS_REJECT_UNAUTHORIZED=${TLS_REJECT:-1}\nDATABASE_URL=postgres://app@db:5432/app?sslmode=verify-full\n' },
      { filename: 'Dockerfile', code: 'FROM node:20-slim\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp.crt\nRUN npm ci --omit=dev\n' },
      {
        filename: 'package.json',
        code: '{\n  "name": "api",\n  "description": "Never set NODE_TLS_REJECT_UNAUTHORIZED in production",\n  "scripts": { "start": "node server.js", "test": "node --test" }\n}\n',
      },
      { filename: '.npmrc', code: 'strict-ssl=true\ncafile=/etc/ssl/certs/corp.pem\n; strict-ssl=false\n' },
      { filename: 'docker-compose.yml', code: 'services:\n  api:\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=1\n      - RETRIES=0\n' },
    ],
    invalid: [
      { filename: 'package.json', code: '{\n  "scripts": {\n    "start": "NODE_TLS_REJECT_UNAUTHORIZED=0 node server.js",\n    "dev": "cross-env NODE_TLS_REJECT_UNAUTHORIZED=0 nodemon src/index.ts"\n  }\n}\n', count: 2 },
      { filename: '.env', code: 'PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0 # corporate proxy\n' },
      { filename: 'config/.env.production', code: 'export NODE_TLS_REJECT_UNAUTHORIZED="0"\n' },
      { filename: 'Dockerfile', code: 'FROM node:20\nENV NODE_ENV=production \\\n    NODE_TLS_REJECT_UNAUTHORIZED=0\nCMD ["node", "server.js"]\n' },
      { filename: 'docker/api.Dockerfile', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\n' },
      { filename: 'Dockerfile', code: 'FROM node:20\nRUN npm config set strict-ssl false && npm ci\n' },
      { filename: 'docker-compose.yml', code: 'services:\n  api:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n' },
      { filename: '.github/workflows/ci.yml', code: 'jobs:\n  test:\n    env:\n      NODE_TLS_REJECT_UNAUTHORIZED: 0\n' },
      { filename: '.npmrc', code: 'registry=https://registry.npmjs.org/\nstrict-ssl=false\n' },
      { filename: '.yarnrc.yml', code: 'enableStrictSsl: false\n' },
      { filename: '.env', code: 'DATABASE_URL=postgres://app:pw@db.internal:5432/app?sslmode=no-verify\n' },
      { filename: 'scripts/deploy.sh', code: '#!/bin/sh\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nnode migrate.js\n' },
    ],
  },
  appliesTo(path) {
    return (
      basename(path) === 'package.json' ||
      ENV_FILE.test(path) ||
      isDockerfilePath(path) ||
      COMPOSE_OR_CI.test(path) ||
      PACKAGE_MANAGER_CONFIG.test(path) ||
      path.endsWith('.sh')
    );
  },
  check(file) {
    const out: FileFindingInput[] = [];
    const confidence: Confidence | undefined = TEMPLATE_FILE.test(file.path) ? 'medium' : undefined;
    file.text.split(/\r?\n/).forEach((line, i) => {
      if (isComment(line, file.path)) return;
      for (const setting of SETTINGS) {
        const m = setting.pattern.exec(line);
        if (!m) continue;
        out.push({ line: i + 1, column: m.index + 1, message: `${setting.message(m)}.`, confidence });
        break; // one finding per line
      }
    });
    return out;
  },
};

export default rule;
