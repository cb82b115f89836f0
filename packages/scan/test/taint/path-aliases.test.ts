import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scan } from '@rampart/scan';
import { project, scanTaint } from './helpers.js';

const at = (fs: readonly { ruleId: string; file: string; line: number }[]): string[] => fs.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();

const route = (importLine: string, call: string): string => `import express from 'express';
${importLine}
const app = express();
app.get('/users', async (req, res) => {
  res.json(await ${call}(String(req.query.name)));
});
export default app;
`;

const repo = `import { Pool } from 'pg';
const pool = new Pool();
export async function findUser(name: string) {
  return (await pool.query("SELECT id FROM users WHERE name = '" + name + "'")).rows;
}
`;

describe('taint across files through tsconfig/jsconfig path aliases', () => {
  it('`paths` from a config it extends (comments and trailing commas included) names the module', async () => {
    const r = await scanTaint({
      'tsconfig.base.json': `{
  // shared by every package
  "compilerOptions": {
    "baseUrl": ".",
    "paths": { "@app/*": ["src/app/*"], "@db": ["src/db/index.ts"], },
  },
}
`,
      'tsconfig.json': `{ "extends": "./tsconfig.base", "compilerOptions": { "strict": true } }\n`,
      'src/http/users.ts': route("import { findUser } from '@app/users/repo';", 'findUser'),
      'src/app/users/repo.ts': repo,
      'src/http/teams.ts': route("import { findTeam } from '@db';", 'findTeam'),
      'src/db/index.ts': repo.replace('findUser', 'findTeam').replace('users', 'teams'),
    });
    assert.deepEqual(at(r.taint), ['sql-injection src/app/users/repo.ts:4', 'sql-injection src/db/index.ts:4']);
    const trace = r.taint.find((f) => f.file === 'src/app/users/repo.ts')!.trace!;
    assert.equal(trace.source.file, 'src/http/users.ts');
  });

  it('`baseUrl` alone: a bare specifier is a module of the project when the file is there, and packages stay packages', async () => {
    const r = await scanTaint({
      'jsconfig.json': `{ "compilerOptions": { "baseUrl": "src" } }\n`,
      'src/server.js': `const express = require('express');
const { exec } = require('child_process');
const { findUser } = require('data/users');
const app = express();
app.get('/users', async (req, res) => res.json(await findUser(req.query.name)));
app.get('/ping', (req, res) => exec('ping -c 1 ' + req.query.host, () => res.end()));
module.exports = app;
`,
      'src/data/users.js': repo.replace("import { Pool } from 'pg';", "const { Pool } = require('pg');").replace('export async function', 'async function').replace('(name: string)', '(name)') + 'module.exports = { findUser };\n',
    });
    assert.deepEqual(at(r.taint), ['command-injection src/server.js:6', 'sql-injection src/data/users.js:4']);
  });

  it('the nearest config decides: a package of a monorepo maps its own aliases, relative to its folder', async () => {
    const r = await scanTaint({
      'tsconfig.json': `{ "compilerOptions": { "paths": { "~shared/*": ["nowhere/*"] } } }\n`,
      'packages/api/tsconfig.json': `{ "compilerOptions": { "paths": { "~shared/*": ["../shared/src/*"] } } }\n`,
      'packages/api/src/users.ts': route("import { findUser } from '~shared/repo';", 'findUser'),
      'packages/shared/src/repo.ts': repo,
    });
    assert.deepEqual(at(r.taint), ['sql-injection packages/shared/src/repo.ts:4']);
  });

  it('without a config a bare specifier is a package, not followed', async () => {
    const r = await scanTaint({
      'src/http/users.ts': route("import { findUser } from 'app/users/repo';", 'findUser'),
      'src/app/users/repo.ts': repo,
    });
    assert.deepEqual(at(r.taint), []);
  });

  it('a predicate imported by alias is read in its module: an allowlist check clears the input, a length check does not', async () => {
    const files = (check: string): Record<string, string> => ({
      'tsconfig.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["lib/*"] } } }\n`,
      'lib/validate.ts': `export function isSafeName(s: string): boolean {\n  return ${check};\n}\n`,
      'routes.ts': `import express from 'express';
import { execSync } from 'node:child_process';
import { isSafeName } from '@lib/validate';
const app = express();
app.get('/branch', (req, res) => {
  const name = String(req.query.name);
  if (!isSafeName(name)) return res.status(400).end();
  res.send(execSync('git log --oneline ' + name).toString());
});
export default app;
`,
    });
    assert.deepEqual(at((await scanTaint(files('/^[a-z0-9_-]+$/.test(s)'))).taint), []);
    assert.deepEqual(at((await scanTaint(files('s.length < 64'))).taint), ['command-injection routes.ts:8']);
  });

  it('worker processes get the aliases too (--workers 2: every file is analysed in a worker)', async () => {
    const files: Record<string, string> = {
      'tsconfig.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/app/*"] } } }\n`,
      'src/app/users/repo.ts': repo,
    };
    for (let i = 0; i < 4; i++) files[`src/http/users${i}.ts`] = route("import { findUser } from '@app/users/repo';", 'findUser');
    const report = await scan(project(files), { workers: 2 });
    const sql = report.findings.filter((f) => f.ruleId === 'sql-injection');
    assert.deepEqual(at(sql), ['sql-injection src/app/users/repo.ts:4']);
    assert.match(sql[0].trace!.source.file, /^src\/http\/users\d\.ts$/);
  });

  it('a config that does not parse, or extends itself, costs nothing but its aliases', async () => {
    const r = await scanTaint({
      'tsconfig.json': `{ "extends": "./tsconfig.json", "compilerOptions": { "paths": { "@app/*": ["src/app/*"] } } }\n`,
      'packages/x/tsconfig.json': `{{{ not json`,
      'src/http/users.ts': route("import { findUser } from '@app/users/repo';", 'findUser'),
      'src/app/users/repo.ts': repo,
    });
    assert.deepEqual(at(r.taint), ['sql-injection src/app/users/repo.ts:4']);
  });
});
