/**
 * @rampart/guard as users load it, from the built dist (no source condition, no tsx): ESM
 * import, require() (Node >= 20.19 loads ESM synchronously), and TypeScript with
 * module/moduleResolution nodenext type-checking a typical use. Needs `npx tsc -b` first
 * (npm test builds before it runs the tests).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function node(args: string[], cwd = ROOT) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
}

describe('@rampart/guard import matrix', () => {
  it('ESM: every entry point is there', () => {
    const r = node(['--input-type=module', '-e', `
      import { rampart, rampartFastify, rampartKoa, rampartHttp, validate, DEFAULTS, GuardSetupError, createEventBus, createRateLimiter } from '@rampart/guard';
      for (const f of [rampart, rampart.fastify, rampart.koa, rampart.http, rampart.validate, rampartFastify, rampartKoa, rampartHttp, validate, createEventBus, createRateLimiter]) if (typeof f !== 'function') process.exit(3);
      if (!Object.isFrozen(DEFAULTS) || typeof GuardSetupError !== 'function') process.exit(4);
      const mw = rampart({ rootCheck: false, logger: false });
      if (mw.length !== 3) process.exit(5);
      await mw.close();
    `]);
    assert.equal(r.status, 0, r.stderr);
  });

  it('CommonJS: require() works', () => {
    const r = node(['--no-warnings', '-e', `const { rampart } = require('@rampart/guard'); if (typeof rampart.koa !== 'function') process.exit(3);`]);
    assert.equal(r.status, 0, r.stderr);
  });

  it('TypeScript nodenext: the declarations type-check a typical use, and catch a wrong option', () => {
    // Inside the repo so node_modules resolution finds the workspace package.
    const dir = mkdtempSync(join(ROOT, 'packages/guard/test/.types-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(join(dir, 'ok.mts'), `
import { rampart, DEFAULTS, type GuardOptions } from '@rampart/guard';
const options: GuardOptions = { cors: { origins: ['https://app.example.com', /\\.example\\.com$/] }, rateLimit: { limit: 100 }, headers: { xFrameOptions: 'DENY' } };
const express = rampart(options);
const fastify = rampart.fastify({ rootCheck: { refuse: true } });
const koa = rampart.koa();
const http = rampart.http((req, res) => res.json({ id: req.requestId }));
export const all = [express, fastify, koa, http, DEFAULTS.headers.referrerPolicy];
`);
      writeFileSync(join(dir, 'bad.mts'), `
import { rampart } from '@rampart/guard';
rampart({ headers: { xFrameOptions: 'ALLOWALL' } });
`);
      const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
      const common = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'];
      const ok = node([tsc, ...common, join(dir, 'ok.mts')], dir);
      assert.equal(ok.status, 0, ok.stdout + ok.stderr);
      const bad = node([tsc, ...common, join(dir, 'bad.mts')], dir);
      assert.notEqual(bad.status, 0);
      assert.match(bad.stdout, /ALLOWALL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
