import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { FORMATS, formatReport, shouldFail, type FailOn, type Format } from '@rampart/core';
import { EXIT, type CommandContext, type Io } from '../io.js';
import { parseFailOn, useColor } from '../options.js';

interface SecretsScanFlags {
  format: Format;
  output?: string;
  failOn?: FailOn;
  config?: string;
  history?: boolean;
  baseline?: string;
  baselineWrite?: string;
  color?: boolean;
}

/** Redraws "Scanning 1200/5000 commits" on a terminal, at most ten times a second. */
function progressLine(io: Io): (done: number, total: number, unit: 'files' | 'commits') => void {
  let lastDraw = 0;
  return (done, total, unit) => {
    const now = Date.now();
    if (total < 200 || (now - lastDraw < 100 && done < total)) return;
    lastDraw = now;
    io.stderr(`\rScanning ${done}/${total} ${unit}${done >= total ? '\n' : ''}`);
  };
}

async function runSecretsScan(dir: string, flags: SecretsScanFlags, io: Io): Promise<number> {
  const showProgress = io.stderrIsTTY && !flags.output && flags.format === 'pretty';
  // The light entry: the secret scan does not load the parsers' rules (refa, yaml, ...).
  const { scanSecrets } = await import('@rampart/scan/secrets');
  const report = await scanSecrets(dir, {
    configPath: flags.config,
    baseline: flags.baseline,
    history: flags.history,
    onProgress: showProgress ? progressLine(io) : undefined,
  });
  if (flags.baselineWrite) {
    const { writeBaseline } = await import('@rampart/scan');
    await writeBaseline(flags.baselineWrite, report.findings);
    io.stderr(`Baseline of ${report.findings.length} finding(s) written to ${flags.baselineWrite}\n`);
  }
  const text = formatReport(report, flags.format, { color: useColor(flags.color, io.stdoutIsTTY, !!flags.output) });
  if (flags.output) await writeFile(flags.output, text);
  else io.stdout(text);
  return shouldFail(report.findings, flags.failOn ?? report.config.failOn) ? EXIT.findings : EXIT.ok;
}

/** `rampart secrets scan [dir]`: added to the `secrets` parent command. */
export function registerSecretsScan(secrets: Command, { io, setExit }: CommandContext): void {
  secrets
    .command('scan')
    .description('Find credentials (cloud, git hosting, payment, chat and AI keys, private keys, database URLs, passwords) in files, or with --history in every commit')
    .argument('[dir]', 'folder to scan', '.')
    .option('--history', 'scan every line any commit added (git log -p), including secrets removed later, instead of the files as they are')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS as unknown as string[]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (or "none"); default from config, else high', parseFailOn)
    .option('-c, --config <file>', 'config file (default: rampart.config.json or package.json#rampart)')
    .option('--baseline <file>', 'hide findings recorded in this baseline file')
    .option('--baseline-write <file>', 'record the current findings as the baseline')
    .option('--no-color', 'no colour in the terminal report')
    .action(async (dir: string, flags: SecretsScanFlags, command: Command) => {
      // commander gives --no-color a default of true: only an explicit flag counts.
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      setExit(await runSecretsScan(dir, { ...flags, color }, io));
    });
}
