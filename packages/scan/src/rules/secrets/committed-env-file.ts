import { committedSecretFile } from '../../secrets/env-files.js';
import { isCredentialFile, isEnvFile } from '../../secrets/paths.js';
import { redactAll } from '../../secrets/redact.js';
import type { FileRule } from '../types.js';

const rule: FileRule = {
  kind: 'file',
  meta: {
    id: 'committed-env-file',
    title: 'A .env or credentials file with secrets is part of the repository',
    practice: 8,
    cwe: 'CWE-540',
    severity: 'high',
    confidence: 'high',
    description:
      'A .env file holds one environment\'s secrets and an .npmrc, .pypirc, .netrc or Docker config.json holds registry and host credentials: they belong on the machine that uses them, never in git. When such a file is not ignored by .gitignore it is committed (or will be with the next `git add .`), and every secret in it with it, including weak passwords no entropy check would flag. Templates (.env.example, .env.sample) with empty values are fine.',
    fix: 'Rotate the secrets in it, `git rm --cached` the file, add it to .gitignore, and commit a .env.example with the names only. Give registry tokens as ${NPM_TOKEN} in .npmrc.',
  },
  samples: {
    valid: [
      { filename: '.env', code: 'DATABASE_URL=\nSTRIPE_SECRET_KEY=\nPORT=3000\n' },
      { filename: '.env', code: '# local settings, no secrets\nPORT=3000\nLOG_LEVEL=debug\nAPI_KEY=${API_KEY}\n' },
      { filename: '.npmrc', code: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nfund=false\n' },
    ],
    invalid: [
      { filename: '.env', code: 'PORT=3000\nDB_PASSWORD=hunter22\nSESSION_SECRET=keyboard-cat-1\n' },
      { filename: 'deploy/.env.production', code: 'export STRIPE_SECRET_KEY="live-key-kept-here-1"\n' },
      { filename: '.npmrc', code: '@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=6f1c0e0b-5d9e-4a55-9b9e-1c0f3f7f6a11\n' },
    ],
  },
  appliesTo: (path) => isEnvFile(path) || isCredentialFile(path),
  check({ path, text }) {
    const found = committedSecretFile(path, text);
    if (!found) return [];
    const names = found.names.length > 3 ? `${found.names.slice(0, 3).join(', ')} and ${found.names.length - 3} more` : found.names.join(', ');
    const firstLine = text.split('\n')[found.line - 1].replace(/\r$/, '').trim();
    return [
      {
        line: found.line,
        // The values are redacted even when no other rule would flag them (a weak password).
        snippet: redactAll(firstLine, found.values).slice(0, 200),
        message: `This file holds secrets (${names}) and is part of the repository (not ignored by .gitignore): every clone and fork gets them.`,
      },
    ];
  },
};

export default rule;
