/** Practice 10: a loud warning once when running as root, a refusal to start in strict mode. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';

/** Runs a snippet as the given uid (this test needs root to switch users; it skips otherwise). */
function run(script: string, uid?: number): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'], uid, cwd: process.cwd() });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => (stdout += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr, stdout })));
}

const isRoot = process.getuid?.() === 0;

/** Why uid 65534 cannot load this checkout (a folder on the way is closed to other users), if so. */
function closedToOthers(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o005) !== 0o005) return `${d} is not readable by other users, so uid 65534 cannot load the code`;
    if (dirname(d) === d) return undefined;
  }
}

describe('root check', { skip: isRoot ? false : 'needs to run as root to test both uids (CI does)' }, () => {
  it('warns once, loudly, as root, and emits a config event', async () => {
    const r = await run(`
      const { rampart, MemorySink } = await import('@rampart/guard');
      const sink = new MemorySink();
      rampart({ logger: false, events: { sinks: [sink] } });
      rampart({ logger: false });
      await new Promise((r) => setTimeout(r, 20));
      console.log(JSON.stringify(sink.recent(10).map((e) => [e.kind, e.rule, e.practice])));
    `);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/runs as root/g)?.length, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [['config', 'running-as-root', 10]]);
  });

  it('refuses to start as root with rootCheck.refuse', async () => {
    const r = await run(`
      const { rampart } = await import('@rampart/guard');
      try { rampart({ logger: false, rootCheck: { refuse: true } }); console.log('started'); }
      catch (e) { console.log(e.name + ': ' + e.message); }
    `);
    assert.match(r.stdout, /^GuardSetupError: .*runs as root/);
  });

  it('says nothing for an unprivileged user', { skip: closedToOthers(process.cwd()) ?? false }, async () => {
    const r = await run(`
      const { rampart } = await import('@rampart/guard');
      rampart({ logger: false, rootCheck: { refuse: true } });
      console.log('started as ' + process.getuid());
    `, 65534);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /started as 65534/);
    assert.doesNotMatch(r.stderr, /root/);
  });
});
