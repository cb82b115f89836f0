import { Command } from 'commander';
import { UserError } from '@rampart/core';
import { EXIT, type CommandContext } from '../io.js';

// Written out so that `rampart --help` does not load @rampart/scan; a test checks they match.
export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip';
export const OSV_URL_ENV = 'RAMPART_OSV_URL';
/** `rampart db status` warns when the advisories are older than this. */
export const STALE_AFTER_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

interface DbFlags {
  cacheDir?: string;
  db?: string;
  url?: string;
  json?: boolean;
}

export function registerDb(program: Command, { io, setExit }: CommandContext): void {
  const db = program.command('db').description('The advisory database of `rampart deps`: status and update');
  db.command('status')
    .description(`Which advisory database is used, how many advisories, how old (warns past ${STALE_AFTER_DAYS} days)`)
    .option('--db <path>', 'a folder of OSV JSON files or a zip of them, instead of the default database')
    .option('--cache-dir <dir>', 'cache folder (default: $RAMPART_CACHE_DIR, $XDG_CACHE_HOME/rampart or ~/.cache/rampart)')
    .option('--json', 'print the status as JSON')
    .action(async (flags: DbFlags) => {
      const { openDatabase } = await import('@rampart/scan/deps');
      const opened = await openDatabase({ db: flags.db, cacheDir: flags.cacheDir });
      const meta = opened.index.meta;
      // A download is as fresh as its fetch; a snapshot or folder as its newest advisory.
      const asOf = meta.fetchedAt ?? meta.newestModified;
      const ageDays = Math.max(0, Math.floor((Date.now() - Date.parse(asOf)) / DAY));
      const stale = ageDays > STALE_AFTER_DAYS;
      if (flags.json) {
        io.stdout(`${JSON.stringify({ kind: opened.kind, location: opened.description, advisories: meta.advisories, packages: meta.packages, withdrawn: meta.withdrawn, invalid: meta.invalid, newestModified: meta.newestModified, ...(meta.fetchedAt ? { fetchedAt: meta.fetchedAt } : {}), ageDays, stale }, null, 2)}\n`);
      } else {
        io.stdout(
          [
            `Database:   ${opened.kind === 'shipped' ? 'snapshot shipped with Rampart' : opened.kind === 'downloaded' ? `downloaded (${meta.source})` : meta.source}`,
            `Location:   ${opened.index.dir}`,
            `Advisories: ${meta.advisories} for ${meta.packages} packages (${meta.withdrawn} withdrawn and ${meta.invalid} invalid records left out)`,
            `Newest:     ${meta.newestModified}`,
            ...(meta.fetchedAt ? [`Fetched:    ${meta.fetchedAt}`] : []),
            `Age:        ${ageDays} day(s)`,
            '',
          ].join('\n'),
        );
      }
      if (stale) io.stderr(`rampart: warning: the advisory data is ${ageDays} days old (more than ${STALE_AFTER_DAYS}); run \`rampart db update\`\n`);
      setExit(EXIT.ok);
    });
  db.command('update')
    .description(`Download the OSV npm advisories, check them and switch to them atomically (default ${DEFAULT_OSV_URL}, or $${OSV_URL_ENV})`)
    .option('--url <url>', `where to download the OSV npm export (a mirror of all.zip); default $${OSV_URL_ENV} or ${DEFAULT_OSV_URL}`)
    .option('--cache-dir <dir>', 'cache folder (default: $RAMPART_CACHE_DIR, $XDG_CACHE_HOME/rampart or ~/.cache/rampart)')
    .action(async (flags: DbFlags) => {
      const { defaultCacheDir, updateDatabase } = await import('@rampart/scan/deps');
      const cacheDir = flags.cacheDir ?? defaultCacheDir();
      io.stderr(`Downloading ${flags.url ?? process.env[OSV_URL_ENV] ?? DEFAULT_OSV_URL} ...\n`);
      try {
        const r = await updateDatabase({ url: flags.url, cacheDir });
        io.stdout(`Updated: ${r.meta.advisories} advisories for ${r.meta.packages} packages (${(r.bytes / 1e6).toFixed(1)} MB), newest ${r.meta.newestModified}, in ${r.dir}\n`);
      } catch (err) {
        if (err instanceof UserError) throw new UserError(`${err.message}\nThe previous advisory database is still in use.`);
        throw err;
      }
      setExit(EXIT.ok);
    });
}
