import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeGraph } from '../../src/deps/graph.js';
import { parseLockfile } from '../../src/deps/lockfile/index.js';
import { LockfileError, lineOfAnchor, type LockGraph } from '../../src/deps/model.js';
import { FIXTURES, tree } from './helpers.js';

function find(g: LockGraph, name: string, version?: string): number {
  const i = g.nodes.findIndex((n) => n.name === name && (version === undefined || n.version === version));
  assert.ok(i >= 0, `${name}@${version ?? '*'} in ${g.file}`);
  return i;
}

// Known facts of the real lockfiles (checked by hand against the files).
const REAL: { file: string; format: string; min: number; pkg: [string, string]; dev?: boolean; path?: string; importers?: number; unreachable?: number }[] = [
  { file: 'hono-2026-bun.lock', format: 'bun', min: 1000, pkg: ['lodash', '4.17.21'], dev: true, path: 'np > listr-input > inquirer > lodash' },
  { file: 'mocha-2020-package-lock.v1.json', format: 'npm', min: 2500, pkg: ['lodash', '4.17.20'], dev: true },
  { file: 'mocha-2024-package-lock.v2.json', format: 'npm', min: 1500, pkg: ['lodash', '4.17.21'], dev: true },
  { file: 'mocha-2026-package-lock.v3.json', format: 'npm', min: 600, pkg: ['minimist', '1.2.8'], dev: true, importers: 2 },
  // v1 without package.json: nested copies no `requires` names (bundled or stale) stay unreachable.
  { file: 'nightscout-2021-npm-shrinkwrap.json', format: 'npm', min: 1400, pkg: ['minimist', '1.2.5'], unreachable: 120 },
  { file: 'nightscout-2026-package-lock.v3.json', format: 'npm', min: 1000, pkg: ['lodash', '4.17.21'], dev: false, path: 'lodash' },
  { file: 'prettier-2019-yarn.v1.lock', format: 'yarn-classic', min: 1100, pkg: ['lodash', '4.17.15'] },
  { file: 'prettier-2023-yarn.berry-v6.lock', format: 'yarn-berry', min: 900, pkg: ['lodash', '4.17.21'] },
  { file: 'prettier-2024-yarn.berry-v8.lock', format: 'yarn-berry', min: 900, pkg: ['lodash', '4.17.21'] },
  { file: 'prettier-2026-yarn.berry-v10.lock', format: 'yarn-berry', min: 1000, pkg: ['lodash', '4.18.1'], path: 'rollup-plugin-license > lodash' },
  { file: 'vue-core-2022-pnpm-lock.v5.3.yaml', format: 'pnpm', min: 900, pkg: ['lodash', '4.17.21'], dev: true, importers: 17 },
  { file: 'vue-core-2023-pnpm-lock.v5.4.yaml', format: 'pnpm', min: 700, pkg: ['lodash', '4.17.21'], dev: true, importers: 18 },
  { file: 'vue-core-2024-pnpm-lock.v6.yaml', format: 'pnpm', min: 700, pkg: ['lodash', '4.17.21'], dev: true, importers: 17 },
  { file: 'vue-core-2026-pnpm-lock.v9.yaml', format: 'pnpm', min: 600, pkg: ['lodash', '4.18.1'], dev: true, importers: 18 },
];

describe('real lockfiles', () => {
  for (const r of REAL) {
    it(`${r.file}: every package, flags, paths and lines`, () => {
      const g = parseLockfile(join(FIXTURES, r.file), r.file);
      assert.equal(g.format, r.format);
      assert.ok(g.nodes.length >= r.min, `${g.nodes.length} packages`);
      if (r.importers) assert.equal(g.importers.length, r.importers);
      const { facts, paths } = analyzeGraph(g);
      const i = find(g, ...r.pkg);
      if (r.dev !== undefined) assert.equal(facts[i]!.dev, r.dev);
      const p = paths(i);
      assert.ok(p.length >= 1 && p.length <= 5);
      if (r.path) assert.ok(p.some((x) => x.nodes.map((n) => g.nodes[n]!.name).join(' > ') === r.path), JSON.stringify(p));
      // The anchor line names the package.
      const line = g.text.split('\n')[lineOfAnchor(g.text, g.nodes[i]!.anchor) - 1]!;
      assert.match(line, new RegExp(r.pkg[0]));
      // Every package reachable from an importer (a few yarn peer-only leftovers aside).
      assert.ok(facts.filter((f) => f.depth === 0).length <= (r.unreachable ?? 5));
    });
  }
});

const NPM_V3 = {
  name: 'app',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': { name: 'app', dependencies: { cjs: 'npm:string-width@^4.2.0', gitdep: 'github:a/b', local: 'file:../local' }, devDependencies: { tool: '^1.0.0' } },
    'node_modules/cjs': { name: 'string-width', version: '4.2.3', resolved: 'https://registry.npmjs.org/string-width/-/string-width-4.2.3.tgz' },
    'node_modules/gitdep': { version: '1.0.0', resolved: 'git+ssh://git@github.com/a/b.git#0123456789abcdef' },
    'node_modules/local': { resolved: '../local', link: true },
    '../local': { version: '0.0.1' },
    'node_modules/tool': { version: '1.0.0', dev: true, resolved: 'https://registry.npmjs.org/tool/-/tool-1.0.0.tgz', dependencies: { leftpad: '1.0.0' } },
    'node_modules/leftpad': { version: '1.0.0', dev: true, resolved: 'https://registry.npmjs.org/leftpad/-/leftpad-1.0.0.tgz' },
  },
};

describe('aliases, git, tarball, file and link dependencies', () => {
  it('npm: the alias is audited as the real package, git and links are not auditable', () => {
    const root = tree({ 'package-lock.json': JSON.stringify(NPM_V3, null, 2) });
    const g = parseLockfile(join(root, 'package-lock.json'), 'package-lock.json');
    const alias = g.nodes[find(g, 'string-width', '4.2.3')]!;
    assert.equal(alias.alias, 'cjs');
    assert.equal(alias.source, 'registry');
    assert.equal(g.nodes.find((n) => n.key === 'node_modules/gitdep')!.source, 'git');
    assert.equal(g.nodes.find((n) => n.key === 'node_modules/local')!.source, 'link');
    const { facts, paths } = analyzeGraph(g);
    const leftpad = find(g, 'leftpad');
    assert.equal(facts[leftpad]!.dev, true);
    assert.deepEqual(paths(leftpad).map((p) => p.nodes.map((n) => g.nodes[n]!.name)), [['tool', 'leftpad']]);
  });
  it('pnpm 9: links, tarballs and aliases', () => {
    const text = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      cjs:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
      sib:
        specifier: workspace:*
        version: link:packages/sib
      tar:
        specifier: https://example.com/tar-1.0.0.tgz
        version: https://example.com/tar-1.0.0.tgz

packages:

  string-width@4.2.3:
    resolution: {integrity: sha512-abc}

  tar@https://example.com/tar-1.0.0.tgz:
    resolution: {tarball: https://example.com/tar-1.0.0.tgz}
    version: 1.0.0

snapshots:

  string-width@4.2.3: {}

  tar@https://example.com/tar-1.0.0.tgz: {}
`;
    const root = tree({ 'pnpm-lock.yaml': text });
    const g = parseLockfile(join(root, 'pnpm-lock.yaml'), 'pnpm-lock.yaml');
    assert.equal(g.nodes[find(g, 'string-width', '4.2.3')]!.source, 'registry');
    assert.equal(g.nodes.find((n) => n.name === 'tar')!.source, 'tarball');
    assert.equal(g.importers[0]!.deps.length, 2);
  });
  it('bun: github and workspace packages', () => {
    const text = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "app", "dependencies": { "gh": "github:a/b", "ms": "^2.0.0", }, },
  },
  "packages": {
    "gh": ["gh@github:a/b#abc123", {}, "a-b-abc123"],
    "ms": ["ms@2.1.3", "", {}, "sha512-x"],
  }
}
`;
    const root = tree({ 'bun.lock': text });
    const g = parseLockfile(join(root, 'bun.lock'), 'bun.lock');
    assert.equal(g.nodes[find(g, 'gh')]!.source, 'git');
    assert.equal(g.nodes[find(g, 'ms', '2.1.3')]!.source, 'registry');
  });
});

describe('bad lockfiles fail with the file and position, never a partial answer', () => {
  const cut = (file: string, ratio: number): string => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    return text.slice(0, Math.floor(text.length * ratio));
  };
  const cases: [string, string, string][] = [
    ['package-lock.json', cut('mocha-2026-package-lock.v3.json', 0.5), 'package-lock.json:\\d+:\\d+: not valid JSON'],
    ['bun.lock', cut('hono-2026-bun.lock', 0.5), 'bun.lock:\\d+:\\d+: not valid JSONC'],
    ['pnpm-lock.yaml', cut('vue-core-2026-pnpm-lock.v9.yaml', 0.6), 'pnpm-lock.yaml'],
    ['yarn.lock', cut('prettier-2026-yarn.berry-v10.lock', 0.5), 'yarn.lock'],
    ['yarn.lock', cut('prettier-2019-yarn.v1.lock', 0.5), 'yarn.lock'],
    ['pnpm-lock.yaml', "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a: {specifier: ^1, version: 1.0.0\n", 'pnpm-lock.yaml:\\d+:\\d+: not valid YAML'],
    ['package-lock.json', '{"lockfileVersion": 7}', 'unsupported lockfileVersion 7'],
    ['package-lock.json', '', 'empty lockfile'],
    ['bun.lock', Buffer.from([0, 1, 2, 3]).toString('latin1'), 'binary file'],
  ];
  for (const [name, text, pattern] of cases) {
    it(`${name}: ${pattern}`, () => {
      const root = tree({ [name]: text });
      assert.throws(() => parseLockfile(join(root, name), name), (err: Error) => err instanceof LockfileError && new RegExp(pattern).test(err.message));
    });
  }
});

describe('smaller dialects', () => {
  it('pnpm 5.4 without importers: the root dependencies, peer suffixes and dev flags', () => {
    const text = `lockfileVersion: 5.4

specifiers:
  a: ^1.0.0
  b: ^2.0.0

dependencies:
  a: 1.0.0_b@2.0.0

devDependencies:
  b: 2.0.0

packages:

  /a/1.0.0_b@2.0.0:
    resolution: {integrity: sha512-a}
    dependencies:
      c: 3.0.0
    peerDependencies:
      b: ^2.0.0
    dev: false

  /b/2.0.0:
    resolution: {integrity: sha512-b}
    dev: true

  /c/3.0.0:
    resolution: {integrity: sha512-c}
    dev: false
`;
    const root = tree({ 'pnpm-lock.yaml': text });
    const g = parseLockfile(join(root, 'pnpm-lock.yaml'), 'pnpm-lock.yaml');
    assert.equal(g.nodes[find(g, 'a')]!.version, '1.0.0');
    const { facts } = analyzeGraph(g);
    assert.equal(facts[find(g, 'c', '3.0.0')]!.depth, 2);
    assert.equal(facts[find(g, 'b')]!.dev, true);
    assert.equal(facts[find(g, 'c')]!.dev, false);
    assert.equal(g.text.split('\n')[lineOfAnchor(g.text, g.nodes[find(g, 'c')]!.anchor) - 1], '  /c/3.0.0:');
  });
  it('pnpm 6: keys with peers in parentheses', () => {
    const text = `lockfileVersion: '6.0'

importers:

  .:
    dependencies:
      a:
        specifier: ^1.0.0
        version: 1.0.0(b@2.0.0)

packages:

  /a@1.0.0(b@2.0.0):
    resolution: {integrity: sha512-a}
    dependencies:
      b: 2.0.0
    dev: false

  /b@2.0.0:
    resolution: {integrity: sha512-b}
    dev: false
`;
    const root = tree({ 'pnpm-lock.yaml': text });
    const g = parseLockfile(join(root, 'pnpm-lock.yaml'), 'pnpm-lock.yaml');
    assert.deepEqual(g.nodes.map((n) => `${n.name}@${n.version}`).sort(), ['a@1.0.0', 'b@2.0.0']);
    assert.equal(analyzeGraph(g).facts[find(g, 'b')]!.depth, 2);
  });
  it('pnpm: a required entry cut from the file is an error naming who needs it', () => {
    const text = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      a:
        specifier: ^1.0.0
        version: 1.0.0

packages:

  a@1.0.0:
    resolution: {integrity: sha512-a}

snapshots:

  a@1.0.0:
    dependencies:
      zzz: 9.9.9
`;
    const root = tree({ 'pnpm-lock.yaml': text });
    assert.throws(() => parseLockfile(join(root, 'pnpm-lock.yaml'), 'pnpm-lock.yaml'), /pnpm-lock\.yaml: 1 dependency has no entry in the lockfile: a@1\.0\.0 \(line 13\) needs zzz@9\.9\.9\. The file is truncated/);
  });
  it('yarn Berry: workspace dev dependencies told apart by package.json', () => {
    const text = `__metadata:
  version: 8
  cacheKey: 10

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    lib: "npm:^1.0.0"
    tool: "npm:^2.0.0"
  languageName: unknown
  linkType: soft

"lib@npm:^1.0.0":
  version: 1.1.0
  resolution: "lib@npm:1.1.0"
  languageName: node
  linkType: hard

"tool@npm:^2.0.0":
  version: 2.0.0
  resolution: "tool@npm:2.0.0"
  dependencies:
    lib: "npm:^1.0.0"
  languageName: node
  linkType: hard
`;
    const root = tree({ 'yarn.lock': text, 'package.json': JSON.stringify({ name: 'app', dependencies: { lib: '^1.0.0' }, devDependencies: { tool: '^2.0.0' } }) });
    const g = parseLockfile(join(root, 'yarn.lock'), 'yarn.lock');
    const { facts } = analyzeGraph(g);
    assert.equal(facts[find(g, 'tool', '2.0.0')]!.dev, true);
    assert.equal(facts[find(g, 'lib', '1.1.0')]!.dev, false);
    assert.equal(g.nodes[find(g, 'app')]!.source, 'workspace');
  });
});
