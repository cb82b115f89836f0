import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { FORMATS, formatReport, shouldFail, type FailOn, type Format } from '@rampart/core';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { parseFailOn, useColor } from '../options.js';

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
  taint: boolean;
}

async function runScan(dir: string, flags: ScanFlags, io: Io): Promise<number> {
  // Loaded on use: other commands (deps, db, --help) do not pay for the scanner's parsers.
  const { scan, writeBaseline, TAINT_CLASSES } = await import('@rampart/scan');
  const showProgress = io.stderrIsTTY && !flags.output && flags.format === 'pretty';
  let lastDraw = 0;
  const report = await scan(dir, {
    configPath: flags.config,
    baseline: flags.baseline,
    workers: flags.workers,
    rules: flags.taint ? undefined : Object.fromEntries(TAINT_CLASSES.map((id) => [id, 'off' as const])),
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
  const text = formatReport(report, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, !!flags.output) });
  if (flags.output) await writeFile(flags.output, text);
  else io.stdout(text);
  const failOn = flags.failOn ?? report.config.failOn;
  return shouldFail(report.findings, failOn) ? EXIT.findings : EXIT.ok;
}

export function registerScan(program: Command, { io, setExit }: CommandContext): void {
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
    .option('--no-taint', 'lint, config and file rules only: no dataflow analysis (the taint rules are off)')
    .option('--no-color', 'no colour in the terminal report')
    .action(async (dir: string, flags: ScanFlags, command: Command) => {
      // commander gives --no-color a default of true: only an explicit flag counts.
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      setExit(await runScan(dir, { ...flags, color }, io));
    });
}
