import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { scan } from '@rampart/scan';

// Rules that read the package.json files applying to a file (nearest first, then the root's), as a
// user's project lays them out: a real scan of a real folder.
const HANDLER = `const express = require('express');
const router = express.Router();
router.get('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  res.json(user);
});
module.exports = router;
`;

async function asyncFindings(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'rampart-manifests-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const report = await scan(root, { workers: 0, deps: false });
    return report.findings.filter((f) => f.ruleId === 'express-async-unhandled').map((f) => f.file).sort();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const pkg = (express: string) => JSON.stringify({ name: 'app', dependencies: { express } });

describe('express-async-unhandled and the Express version in package.json', () => {
  it('reports an unguarded async handler on Express 4, and with no package.json', async () => {
    assert.deepEqual(await asyncFindings({ 'package.json': pkg('^4.21.2'), 'routes/users.js': HANDLER }), ['routes/users.js']);
    assert.deepEqual(await asyncFindings({ 'routes/users.js': HANDLER }), ['routes/users.js']);
  });

  it('stays silent on Express 5, which forwards rejections to the error middleware', async () => {
    assert.deepEqual(await asyncFindings({ 'package.json': pkg('^5.1.0'), 'routes/users.js': HANDLER }), []);
    assert.deepEqual(await asyncFindings({ 'package.json': pkg('5.0.0-beta.3'), 'routes/users.js': HANDLER }), []);
  });

  it('reports when the range also admits Express 4, or is no version at all', async () => {
    assert.deepEqual(await asyncFindings({ 'package.json': pkg('>=4.18 <6'), 'routes/users.js': HANDLER }), ['routes/users.js']);
    assert.deepEqual(await asyncFindings({ 'package.json': pkg('latest'), 'routes/users.js': HANDLER }), ['routes/users.js']);
  });

  it('reads the nearest package.json in a monorepo: one package on Express 5, another on 4', async () => {
    const found = await asyncFindings({
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { express: '^4.21.2' } }),
      'packages/api/package.json': pkg('^5.1.0'),
      'packages/api/src/users.js': HANDLER,
      'packages/legacy/package.json': pkg('~4.17.1'),
      'packages/legacy/src/users.js': HANDLER,
    });
    assert.deepEqual(found, ['packages/legacy/src/users.js']);
  });
});
