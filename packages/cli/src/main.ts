import { writeFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMATS, VERSION, formatReport, isSeverity, shouldFail, type FailOn, type Format } from '@rampart/core';
import { BaselineError, ConfigError, RULES, ScanTargetError, scan, writeBaseline } from '@rampart/scan';

/** Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or internal error. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, error: 2 });

function parseFailOn(value: string): FailOn {
  if (value === 'none' || isSeverity(value)) return value;
  throw new InvalidArgumentError('expected one of critical, high, medium, low, info, none');
}

function parseWorkers(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number or "auto"');
  return n;
}

interface ScanFlags {
  format: Format;
  output?: string;
  failOn?: FailOn;
  config?: string;
  baseline?: string;
  baselineWrite?: string;
  workers?: number | 'auto';
  color?: boolean;
}

async function runScan(dir: string, flags: ScanFlags, io: Io): Promise<number> {
  const showProgress = io.stderrIsTTY && !flags.output && flags.format === 'pretty';
  let lastDraw = 0;
  const report = await scan(dir, {
    configPath: flags.config,
    baseline: flags.baseline,
    workers: flags.workers,
    onProgress: showProgress
      ? (done, total) => {
          const now = Date.now();
          if (total < 200 || (now - lastDraw < 100 && done < total)) return;
          lastDraw = now;
          io.stderr(`\rScanning ${done}/${total} files${done === total ? '\n' : ''}`);
        }
      : undefined,
  });
  if (flags.baselineWrite) {
    await writeBaseline(flags.baselineWrite, report.findings);
    io.stderr(`Baseline of ${report.findings.length} finding(s) written to ${flags.baselineWrite}\n`);
  }
  const text = formatReport(report, flags.format, { color: flags.color ?? (io.stdoutIsTTY && !flags.output && !process.env.NO_COLOR) });
  if (flags.output) await writeFile(flags.output, text);
  else io.stdout(text);
  const failOn = flags.failOn ?? report.config.failOn;
  return shouldFail(report.findings, failOn) ? EXIT.findings : EXIT.ok;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
}

const processIo: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
};

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command('rampart')
    .description('Rampart: the eleven Node.js security practices, checked from the first commit to production.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('scan')
    .description('Scan a folder: security lint, auth, error handling, headers and container rules')
    .argument('[dir]', 'folder to scan', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (or "none"); default from config, else high', parseFailOn)
    .option('-c, --config <file>', 'config file (default: rampart.config.json or package.json#rampart)')
    .option('--baseline <file>', 'hide findings recorded in this baseline file')
    .option('--baseline-write <file>', 'record the current findings as the baseline')
    .option('--workers <n>', 'worker processes ("auto": TypeScript isolated, see README; 0: all in this process)', parseWorkers)
    .option('--no-color', 'no colour in the terminal report')
    .action(async (dir: string, flags: ScanFlags, command: Command) => {
      // commander gives --no-color a default of true: only an explicit flag counts.
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      exit = await runScan(dir, { ...flags, color }, io);
    });

  program
    .command('rules')
    .description('List every rule with its practice, CWE and severity')
    .option('--json', 'print as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json) {
        io.stdout(`${JSON.stringify(RULES.map((r) => r.meta), null, 2)}\n`);
        return;
      }
      for (const r of RULES) {
        io.stdout(`${r.meta.id.padEnd(36)} P${String(r.meta.practice).padEnd(3)} ${r.meta.cwe.padEnd(9)} ${r.meta.severity.padEnd(8)} ${r.meta.title}\n`);
      }
    });

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (err instanceof ConfigError || err instanceof BaselineError || err instanceof ScanTargetError) {
      io.stderr(`rampart: ${err.message}\n`);
      return EXIT.error;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'EACCES')) {
      io.stderr(`rampart: ${e.message}\n`);
      return EXIT.error;
    }
    throw err;
  }
}
