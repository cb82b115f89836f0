import { readFileSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UserError } from '@rampart/core';
import type { ProbeOptions } from '@rampart/probe';
// Light modules only at start-up: the probe itself (HTTP client, cookie jar) loads when `probe` runs.
import { GRADES, PROBE_DEFAULTS, isGrade, type Grade } from '@rampart/probe/defaults';
import { PROBE_FORMATS, type ProbeFormat } from '@rampart/probe/report';
import { EXIT, type CommandContext } from '../io.js';
import { useColor } from '../options.js';

function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return n;
  };
}

function port(value: string): number | 'none' {
  if (value === 'none') return 'none';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError('expected a port (1-65535) or "none"');
  return n;
}

function failUnder(value: string): Grade | 'none' {
  if (value === 'none' || isGrade(value)) return value;
  throw new InvalidArgumentError(`expected one of ${GRADES.join(', ')}, none`);
}

interface ProbeFlags {
  format: ProbeFormat;
  output?: string;
  failUnder: Grade | 'none';
  timeout: number;
  maxRequests: number;
  maxRedirects: number;
  maxBody: number;
  httpPort?: number | 'none';
  httpsPort?: number | 'none';
  allowHost: string[];
  ca?: string;
  color?: boolean;
}

export function registerProbe(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('probe')
    .description('Check a running site, safely: headers graded with the MDN HTTP Observatory, CORS, cookies, banners, verbose errors, TRACE, listings, exposed .env/.git and source maps')
    .argument('<url>', 'the site to probe (only this origin is contacted)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(PROBE_FORMATS as unknown as string[]).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-under <grade>', `exit 1 when the grade is below this (or "none")`, failUnder, PROBE_DEFAULTS.failUnder)
    .option('--timeout <ms>', 'milliseconds per request', wholeNumber(1), PROBE_DEFAULTS.timeoutMs)
    .option('--max-requests <n>', 'most requests sent in all', wholeNumber(1), PROBE_DEFAULTS.maxRequests)
    .option('--max-redirects <n>', 'most redirects followed from one URL', wholeNumber(0), PROBE_DEFAULTS.maxRedirects)
    .option('--max-body <bytes>', 'bytes read from one response', wholeNumber(1), PROBE_DEFAULTS.maxBodyBytes)
    .option('--http-port <port>', 'port of the http:// variant for the redirect check (default 80 when the target is on 443)', port)
    .option('--https-port <port>', 'port of the https:// variant when an http:// target does not redirect (default 443 when on 80)', port)
    .option('--allow-host <host>', 'another host redirects may lead to (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--ca <file>', 'PEM file of an extra certificate authority to trust')
    .option('--no-color', 'no colour in the terminal report')
    .action(async (url: string, flags: ProbeFlags, command: Command) => {
      let ca: string | undefined;
      if (flags.ca) {
        try {
          ca = readFileSync(flags.ca, 'utf8');
        } catch (err) {
          throw new UserError(`cannot read --ca ${flags.ca}: ${(err as Error).message}`);
        }
      }
      const options: Partial<ProbeOptions> = {
        timeoutMs: flags.timeout,
        maxRequests: flags.maxRequests,
        maxRedirects: flags.maxRedirects,
        maxBodyBytes: flags.maxBody,
        allowHosts: flags.allowHost,
        ...(flags.httpPort !== undefined ? { httpPort: flags.httpPort } : {}),
        ...(flags.httpsPort !== undefined ? { httpsPort: flags.httpsPort } : {}),
        ca,
        failUnder: flags.failUnder,
      };
      const { probe, formatProbe } = await import('@rampart/probe');
      const result = await probe(url, options);
      const color = command.getOptionValueSource('color') === 'cli' ? flags.color : undefined;
      const text = formatProbe(result, flags.format, { color: useColor(color, io.stdoutIsTTY, !!flags.output) });
      if (flags.output) writeFileSync(flags.output, text);
      else io.stdout(text);
      setExit(result.passed ? EXIT.ok : EXIT.findings);
    });
}
