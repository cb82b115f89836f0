import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeGraph } from '../../src/deps/graph.js';
import { parseLockfile } from '../../src/deps/lockfile/index.js';
import { LockfileError } from '../../src/deps/model.js';
import { tree } from './helpers.js';

// Lockfiles come from pull requests too: deep, huge or malicious ones get an answer or a clear
// error, never a crash, a hang or a stack overflow.
describe('hostile lockfiles', () => {
  it('a dependency chain 50,000 deep: flags and paths without recursion', () => {
    const N = 50_000;
    const packages: Record<string, unknown> = { '': { name: 'deep', dependencies: { p0: '*' } } };
    for (let i = 0; i < N; i++) packages[`node_modules/p${i}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`, ...(i + 1 < N ? { dependencies: { [`p${i + 1}`]: '*' } } : {}) };
    const root = tree({ 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages }) });
    const g = parseLockfile(join(root, 'package-lock.json'), 'package-lock.json');
    const { facts, paths } = analyzeGraph(g);
    const last = g.nodes.findIndex((n) => n.name === `p${N - 1}`);
    assert.equal(facts[last]!.depth, N);
    const p = paths(last);
    assert.equal(p.length, 1);
    assert.equal(p[0]!.nodes.length, N);
  });
  it('a diamond lattice: millions of paths, a bounded few kept', () => {
    const layers = 40;
    const packages: Record<string, unknown> = { '': { name: 'lattice', dependencies: { 'a0': '*', 'b0': '*' } } };
    for (let i = 0; i < layers; i++) {
      const deps = i + 1 < layers ? { [`a${i + 1}`]: '*', [`b${i + 1}`]: '*' } : { sink: '*' };
      packages[`node_modules/a${i}`] = { version: '1.0.0', dependencies: deps };
      packages[`node_modules/b${i}`] = { version: '1.0.0', dependencies: deps };
    }
    packages['node_modules/sink'] = { version: '1.0.0' };
    const root = tree({ 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages }) });
    const g = parseLockfile(join(root, 'package-lock.json'), 'package-lock.json');
    const { paths } = analyzeGraph(g);
    assert.equal(paths(g.nodes.findIndex((n) => n.name === 'sink')).length, 5);
  });
  it('npm v1 nested 20,000 levels deep', () => {
    // Written as text: JSON.stringify itself would overflow the stack on this object.
    const depth = 20_000;
    let text = '{"lockfileVersion": 1, "dependencies": ';
    for (let i = 0; i < depth; i++) text += `{"n${i}": {"version": "1.0.0", "dependencies": `;
    text += '{}';
    for (let i = 0; i < depth; i++) text += '}}';
    text += '}';
    const root = tree({ 'package-lock.json': text });
    try {
      const g = parseLockfile(join(root, 'package-lock.json'), 'package-lock.json');
      assert.equal(g.nodes.length, depth);
    } catch (err) {
      // JSON.parse itself may refuse the depth: then the error must be a clear one.
      assert.ok(err instanceof LockfileError, String(err));
      assert.match(err.message, /nested too deeply/);
    }
  });
  it('a YAML alias bomb is not expanded: an answer or a clear error, quickly', () => {
    const lines = ["lockfileVersion: '9.0'", 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    const root = tree({ 'pnpm-lock.yaml': `${lines.join('\n')}\n` });
    // 10^13 nodes if expanded: finishing at all shows it was not.
    try {
      const g = parseLockfile(join(root, 'pnpm-lock.yaml'), 'pnpm-lock.yaml');
      assert.equal(g.nodes.length, 0);
    } catch (err) {
      assert.ok(err instanceof LockfileError && /pnpm-lock\.yaml/.test(err.message), String(err));
    }
  });
  it('an entry that is not an object names the key', () => {
    const root = tree({ 'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/x': 'oops' } }) });
    assert.throws(() => parseLockfile(join(root, 'package-lock.json'), 'package-lock.json'), /packages\["node_modules\/x"\] is not an object/);
  });
});

describe('package.json beside the lockfile', () => {
  it('yarn classic: direct dependencies and dev flags from package.json and its workspaces', () => {
    const lock = `# yarn lockfile v1


dev-only@^1.0.0:
  version "1.0.0"
  resolved "https://registry.yarnpkg.com/dev-only/-/dev-only-1.0.0.tgz#abc"
  dependencies:
    shared "^2.0.0"

prod-dep@^3.0.0:
  version "3.1.0"
  resolved "https://registry.yarnpkg.com/prod-dep/-/prod-dep-3.1.0.tgz#def"

shared@^2.0.0:
  version "2.0.1"
  resolved "https://registry.yarnpkg.com/shared/-/shared-2.0.1.tgz#123"
`;
    const root = tree({
      'yarn.lock': lock,
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'], devDependencies: { 'dev-only': '^1.0.0' } }),
      'packages/api/package.json': JSON.stringify({ name: 'api', dependencies: { 'prod-dep': '^3.0.0', mono: '*' } }),
    });
    const g = parseLockfile(join(root, 'yarn.lock'), 'yarn.lock');
    assert.deepEqual(g.importers.map((i) => i.path), ['', 'packages/api']);
    const { facts, paths } = analyzeGraph(g);
    const shared = g.nodes.findIndex((n) => n.name === 'shared');
    const prod = g.nodes.findIndex((n) => n.name === 'prod-dep');
    assert.equal(facts[shared]!.dev, true);
    assert.equal(facts[prod]!.dev, false);
    assert.deepEqual(paths(prod).map((p) => g.importers[p.importer]!.path), ['packages/api']);
    assert.equal(g.notes.length, 0);
  });
  it('npm v1: direct dependencies from package.json', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'app', dependencies: { a: '^1.0.0' } }),
      'package-lock.json': JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0', requires: { b: '^1.0.0' } }, b: { version: '1.0.0' }, c: { version: '1.0.0', extraneous: true } } }),
    });
    const g = parseLockfile(join(root, 'package-lock.json'), 'package-lock.json');
    assert.deepEqual(g.importers[0]!.deps.map((e) => g.nodes[e.to]!.name), ['a']);
    const { facts } = analyzeGraph(g);
    assert.equal(facts[g.nodes.findIndex((n) => n.name === 'b')]!.depth, 2);
    assert.equal(facts[g.nodes.findIndex((n) => n.name === 'c')]!.depth, 0);
  });
});
