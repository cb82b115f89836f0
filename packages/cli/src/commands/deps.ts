import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { FORMATS, UserError, formatReport, shouldFail, type FailOn, type Format } from '@rampart/core';
import type { DepsReport, PlannedFix } from '@rampart/scan/deps/audit';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { parseFailOn, useColor } from '../options.js';

interface DepsFlags {
  format: Format;
  output?: string;
  failOn?: FailOn;
  db?: string;
  cacheDir?: string;
  prod?: boolean;
  ignoreFile?: string;
  fix?: boolean;
  dryRun?: boolean;
  color?: boolean;
}

/** Where each package manager takes forced versions of transitive dependencies. */
const OVERRIDE_FIELD: Readonly<Record<PlannedFix['format'], string>> = Object.freeze({
  npm: 'overrides',
  'yarn-classic': 'resolutions',
  'yarn-berry': 'resolutions',
  pnpm: 'pnpm.overrides',
  bun: 'overrides',
});

const INSTALL: Readonly<Record<PlannedFix['format'], string>> = Object.freeze({
  npm: 'npm install',
  'yarn-classic': 'yarn install',
  'yarn-berry': 'yarn install',
  pnpm: 'pnpm install',
  bun: 'bun install',
});

/** The fix plan as text: upgrades, then the override block to merge into package.json. */
export function describeFixes(report: DepsReport): string {
  if (report.fixes.length === 0 && report.unfixable.length === 0) return 'Nothing to fix.\n';
  const out: string[] = [];
  for (const lockfile of [...new Set(report.fixes.map((f) => f.lockfile))]) {
    const fixes = report.fixes.filter((f) => f.lockfile === lockfile);
    const format = fixes[0]!.format;
    out.push(`${lockfile}:`);
    for (const f of fixes.filter((x) => x.kind === 'upgrade')) {
      out.push(`  upgrade ${f.package} ${f.from} -> ^${f.to}${f.importer ? ` in ${f.importer}/package.json` : ' in package.json'} (${f.advisories.join(', ')})`);
    }
    const overrides = fixes.filter((x) => x.kind === 'override');
    if (overrides.length > 0) {
      const field = OVERRIDE_FIELD[format];
      out.push(`  add to package.json "${field}" (transitive dependencies):`);
      for (const f of overrides) out.push(`    "${f.selector ?? f.package}": "${f.to}"   (${f.from}; ${f.advisories.join(', ')})`);
    }
    out.push(`  then run \`${INSTALL[format]}\` and \`rampart deps\` again.`);
  }
  if (report.unfixable.length > 0) {
    out.push('No fixed version known (remove, replace, or record in rampart-ignore.json):');
    for (const u of report.unfixable) out.push(`  ${u.package}@${u.version} (${u.advisoryId})`);
  }
  return `${out.join('\n')}\n`;
}

/** Writes the plan into package.json files: direct ranges bumped, overrides added. */
function applyFixes(report: DepsReport, io: Io): void {
  const byManifest = new Map<string, PlannedFix[]>();
  for (const f of report.fixes) {
    const dir = f.kind === 'upgrade' ? f.importer : '';
    const list = byManifest.get(dir) ?? [];
    list.push(f);
    byManifest.set(dir, list);
  }
  for (const [dir, fixes] of byManifest) {
    const path = join(report.root, dir, 'package.json');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      io.stderr(`rampart: ${path} not found: apply these by hand:\n${fixes.map((f) => `  ${f.package} -> ${f.to}`).join('\n')}\n`);
      continue;
    }
    const pkg = JSON.parse(text) as Record<string, Record<string, unknown> | undefined>;
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    for (const f of fixes) {
      if (f.kind === 'upgrade') {
        for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
          const deps = pkg[field];
          if (deps && typeof deps[f.package] === 'string') deps[f.package] = `^${f.to}`;
        }
      } else {
        const field = OVERRIDE_FIELD[f.format];
        const [outer, inner] = field.split('.');
        const holder = inner ? ((pkg[outer!] ??= {}) as Record<string, unknown>) : pkg;
        const overrides = ((holder[inner ?? outer!] ??= {}) as Record<string, unknown>);
        overrides[f.selector ?? f.package] = f.to;
      }
    }
    writeFileSync(path, `${JSON.stringify(pkg, null, indent)}\n`);
    io.stderr(`Updated ${path}\n`);
  }
}

/** Same as DEFAULT_FAIL_ON, without loading @rampart/scan to print --help. */
const DEFAULT_FAIL_ON: FailOn = 'high';

async function runDeps(target: string, flags: DepsFlags, io: Io): Promise<number> {
  if (flags.dryRun && !flags.fix) throw new UserError('--dry-run goes with --fix: `rampart deps --fix --dry-run` prints the upgrades and overrides');
  // Loaded here, not at start-up: the rest of the CLI does not pay for it, and `deps` does not load
  // the scanner, nor the database builder and updater (deps/audit, not all of deps).
  const { auditDependencies } = await import('@rampart/scan/deps/audit');
  const report = await auditDependencies(target, { db: flags.db, cacheDir: flags.cacheDir, prod: flags.prod, ignoreFile: flags.ignoreFile });
  if (flags.fix) {
    io.stdout(describeFixes(report));
    if (!flags.dryRun) {
      applyFixes(report, io);
      return EXIT.ok;
    }
    return shouldFail(report.findings, flags.failOn ?? DEFAULT_FAIL_ON) ? EXIT.findings : EXIT.ok;
  }
  const text = formatReport(report, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, !!flags.output) });
  if (flags.output) writeFileSync(flags.output, text);
  else io.stdout(text);
  if (flags.format === 'pretty' && !flags.output) {
    const { database: db } = report;
    const age = db.fetchedAt ?? db.newestModified;
    io.stderr(`Audited ${report.lockfiles.map((l) => `${l.file} (${l.packages} packages)`).join(', ')} against ${db.advisories} advisories (${db.description}, data of ${age.slice(0, 10)})${report.ignored ? `; ${report.ignored} ignored` : ''}${report.devSkipped ? `; ${report.devSkipped} dev packages skipped (--prod)` : ''}\n`);
    if (report.fixes.length > 0) io.stderr(`${report.fixes.length} upgrade(s) or override(s) would remove findings: \`rampart deps --fix --dry-run\` lists them.\n`);
  }
  return shouldFail(report.findings, flags.failOn ?? DEFAULT_FAIL_ON) ? EXIT.findings : EXIT.ok;
}

export function registerDeps(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('deps')
    .description('Audit dependencies: every lockfile against the OSV advisory database, offline')
    .argument('[dir]', 'project folder (every lockfile in it) or one lockfile', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', `exit 1 when a finding is at or above this severity (or "none"); default ${DEFAULT_FAIL_ON}`, parseFailOn)
    .option('--db <path>', 'advisory database: a folder of OSV JSON files or a zip of them (default: `rampart db update` download, else the shipped snapshot)')
    .option('--cache-dir <dir>', 'cache folder (default: $RAMPART_CACHE_DIR, $XDG_CACHE_HOME/rampart or ~/.cache/rampart)')
    .option('--prod', 'leave out packages installed only for development')
    .option('--ignore-file <file>', 'ignore file (default: rampart-ignore.json in the project folder)')
    .option('--fix', 'write the upgrades and overrides into package.json (with --dry-run: only print them)')
    .option('--dry-run', 'with --fix: print what would change, change nothing')
    .option('--no-color', 'no colour in the terminal report')
    .action(async (dir: string, flags: DepsFlags, command: Command) => {
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      setExit(await runDeps(dir, { ...flags, color }, io));
    });
}
