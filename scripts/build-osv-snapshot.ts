// `npm run generate:osv -- [folder or zip of OSV npm records]`: rebuilds the advisory database
// shipped in packages/scan/data/osv-npm. Default source: ../shared/data/osv-npm beside the repo.
// Generated files: do not edit them by hand.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSnapshot, SHIPPED_DB_DIR } from '../packages/scan/src/deps/index.ts';

// shared/ sits beside the repo (CI) or beside the folder of worktrees (development).
const candidates = ['../../shared/data/osv-npm', '../../../shared/data/osv-npm'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
const source = process.argv[2] ?? candidates.find((p) => existsSync(p));
if (!source) {
  process.stderr.write(`generate:osv: give the OSV source (folder or zip); none of ${candidates.join(', ')} exists\n`);
  process.exit(2);
}
const meta = await buildSnapshot(source, SHIPPED_DB_DIR);
process.stdout.write(`${SHIPPED_DB_DIR}: ${meta.advisories} advisories for ${meta.packages} packages (${meta.withdrawn} withdrawn left out), newest ${meta.newestModified}\n`);
