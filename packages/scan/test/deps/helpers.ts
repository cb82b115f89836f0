import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/lockfiles/', import.meta.url));

/** The real OSV records: shared/ beside the repo (CI) or beside the worktrees folder. */
export function sharedOsvDir(): string | undefined {
  return ['../../../../../shared/data/osv-npm', '../../../../../../shared/data/osv-npm']
    .map((p) => fileURLToPath(new URL(p, import.meta.url)))
    .find((p) => existsSync(p));
}

export function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'rampart-deps-'));
  for (const [name, content] of Object.entries(files)) {
    const p = join(root, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return root;
}

/** A fresh cache folder, so tests never share or touch the user's. */
export function cacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'rampart-cache-'));
}

/** One OSV record as the OSV export writes it. */
export function osv(id: string, name: string, events: Record<string, string>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema_version: '1.6.0',
    id,
    modified: '2026-01-02T03:04:05Z',
    summary: `${id} in ${name}`,
    affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events }] }],
    ...extra,
  };
}
