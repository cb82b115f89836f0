import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, UserError, type SecurityEvent } from '@rampart/core';
import type { Io } from '../io.js';
import { ATTACKS, newNonce, runCampaign, type AttackResult } from './campaign.js';
import { CampaignClient, parseJson } from './http-client.js';
import { formatCampaignTable } from './campaign-table.js';
import { startInternalService, type InternalService } from './internal-service.js';
import { killAllShops, startShop, type ShopProcess, type StartShopOptions } from './shop-process.js';

/** The repository's examples folder: the demo runs from a Rampart checkout. */
const EXAMPLES = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export interface DemoOptions {
  readonly vulnerableDir?: string;
  /** undefined: examples/secured-shop when it exists; false: no secured side. */
  readonly securedDir?: string | false;
  /** Also start vulnerable-shop, unmodified, under runtime protection (`node --import @rampart/guard/register`). */
  readonly runtime: boolean;
  /** Keep the shops and the dashboard running until Ctrl-C (default: only on a TTY). */
  readonly keepOpen: boolean;
  readonly color: boolean;
  /** Columns the campaign table may use. */
  readonly width: number;
}

export interface DemoResult {
  /** Attacks that got through the secured shop: the demo's exit code says so. */
  readonly securedFell: number;
}

/** The shop's own dependencies must resolve from its folder (the root `npm install` provides them). */
function checkInstalled(name: string, dir: string): void {
  const require = createRequire(join(dir, 'package.json'));
  for (const dep of ['express']) {
    try {
      require.resolve(dep);
    } catch {
      throw new UserError(`${name} cannot load '${dep}' from ${dir}: run \`npm install\` at the repository root first.`);
    }
  }
}

function shopDir(name: string, dir: string, bundled: boolean): string {
  const abs = resolve(dir);
  if (!existsSync(join(abs, 'src', 'app.js'))) throw new UserError(`${name}: ${abs} has no src/app.js (the demo starts \`node src/app.js\` there).`);
  if (bundled) checkInstalled(name, abs);
  return abs;
}

function summary(name: string, results: readonly AttackResult[]): string {
  const count = (v: string) => results.filter((r) => r.outcome.verdict === v).length;
  const parts = [`${count('fell')} of ${results.length} attacks succeeded`];
  if (count('blocked') > 0) parts.push(`${count('blocked')} blocked`);
  if (count('held') > 0) parts.push(`${count('held')} held`);
  if (count('not-run') > 0) parts.push(`${count('not-run')} not run`);
  return `${name}: ${parts.join(', ')}`;
}

/** The column of vulnerable-shop started under runtime protection. */
const RUNTIME_SIDE = 'vulnerable+guard';

/** Only well-formed events go to the dashboard: an id, a time, a kind and a rule, all short strings. */
function asEvent(value: unknown): SecurityEvent | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const e = value as Record<string, unknown>;
  const short = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  return short(e.id) && short(e.time) && short(e.kind) && short(e.rule) ? (value as SecurityEvent) : undefined;
}

/** The event of a runtime-protection detection line (pino JSON on the shop's stderr), or undefined for any other line. */
function protectionEvent(line: string): SecurityEvent | undefined {
  if (!line.startsWith('{"')) return undefined;
  try {
    const event = asEvent((JSON.parse(line) as { event?: unknown }).event);
    return event?.kind === 'attack' ? event : undefined;
  } catch {
    return undefined;
  }
}

/** "6 attack, 2 validation": events counted by kind, most first. */
function byKind(events: readonly SecurityEvent[]): string {
  const kinds = new Map<string, number>();
  for (const e of events) {
    const kind = /^[\w-]{1,40}$/.test(e.kind) ? e.kind : 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Reads the events the secured shop's own dashboard recorded, through its API with the token of
 * the printed URL (`#token=` or `?token=`). Throws with the reason when it cannot.
 */
async function securedShopEvents(dashboardUrl: string): Promise<SecurityEvent[]> {
  const url = new URL(dashboardUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  url.hash = '';
  url.search = '';
  const answer = await new CampaignClient(url.href).get('api/events?limit=1000', token ? { authorization: `Bearer ${token}` } : {});
  const data = parseJson(answer.body) as { events?: unknown[] } | undefined;
  if (answer.status !== 200 || !Array.isArray(data?.events)) throw new Error(`its API answered ${answer.status}`);
  return data.events.map(asEvent).filter((e): e is SecurityEvent => e !== undefined);
}

/** Ctrl-C, a kill, or the terminal closing: each must stop the shops, which run in their own process groups. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const EXIT_CODE_OF: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * The whole story: scan vulnerable-shop (report by practice), start it and the secured shop,
 * attack both with the campaign, print who fell and who blocked, and the dashboard URL.
 * Every process it starts is stopped on every path out (done, error, Ctrl-C).
 */
export async function runDemo(options: DemoOptions, io: Io): Promise<DemoResult> {
  if (options.vulnerableDir === undefined && !existsSync(join(EXAMPLES, 'vulnerable-shop'))) {
    throw new UserError(`rampart demo runs from a checkout of the Rampart repository: there is no ${join(EXAMPLES, 'vulnerable-shop')} (--vulnerable-dir names another app).`);
  }
  const vulnerableDir = shopDir('vulnerable-shop', options.vulnerableDir ?? join(EXAMPLES, 'vulnerable-shop'), options.vulnerableDir === undefined);
  let securedDir: string | undefined;
  if (typeof options.securedDir === 'string') securedDir = shopDir('secured shop (--secured-dir)', options.securedDir, false);
  else if (options.securedDir === undefined) {
    const bundled = join(EXAMPLES, 'secured-shop');
    if (existsSync(join(bundled, 'src', 'app.js'))) securedDir = shopDir('secured-shop', bundled, true);
    else io.stdout(`Note: ${bundled} is not there yet: no secured side (--secured-dir <path> names another app).\n\n`);
  }

  io.stdout(`== 1. Scan: rampart scan ${vulnerableDir}\n\n`);
  const { scan } = await import('@rampart/scan');
  const report = await scan(vulnerableDir);
  io.stdout(formatReport(report, 'pretty', { color: options.color }));

  // Synchronous from here to the signal handler: no signal can arrive in between.
  const tmp = mkdtempSync(join(tmpdir(), 'rampart-demo-'));
  const shops: ShopProcess[] = [];
  let internal: InternalService | undefined;
  let dashboard: { close(): Promise<void> } | undefined;
  const onExit = () => killAllShops();
  process.once('exit', onExit);
  // One handler for the whole run (removing and adding listeners can lose a signal that arrives
  // in between). While the shops are kept open a signal ends the wait; before that it stops
  // everything and leaves with the usual 128 + signal; a second one kills the shops at once.
  let interrupted: NodeJS.Signals | undefined;
  let endWait: ((signal: NodeJS.Signals) => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (endWait) return endWait(signal);
    if (interrupted) {
      killAllShops();
      process.exit(EXIT_CODE_OF[signal] ?? 1);
    }
    interrupted = signal;
    void cleanup().finally(() => process.exit(EXIT_CODE_OF[signal] ?? 1));
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  // After Ctrl-C the campaign's last answers are failures of our own making: print nothing more.
  const say = (text: string) => void (interrupted ? undefined : io.stdout(text));
  let cleaned: Promise<void> | undefined;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await Promise.all(shops.map((s) => s.stop()));
      await internal?.close();
      await dashboard?.close();
      await rm(tmp, { recursive: true, force: true });
    })());

  try {
    // Each shop's start options but its data folder, made below.
    const sides: Omit<StartShopOptions, 'dataDir'>[] = [{ name: 'vulnerable-shop', dir: vulnerableDir, expectDashboard: false }];
    // Runtime protection's detections, as the protected shop logs them (one JSON line each on stderr).
    const runtimeEvents: SecurityEvent[] = [];
    const { MemorySink } = await import('@rampart/guard');
    const sink = new MemorySink(10_000);
    if (options.runtime) {
      sides.push({
        name: RUNTIME_SIDE,
        dir: vulnerableDir,
        expectDashboard: false,
        nodeArgs: ['--import', import.meta.resolve('@rampart/guard/register')],
        env: { RAMPART_MODE: 'block' },
        onStderrLine: (line) => {
          const event = protectionEvent(line);
          if (!event || runtimeEvents.length >= 10_000) return;
          runtimeEvents.push(event);
          sink.write(event);
        },
      });
    }
    if (securedDir) sides.push({ name: 'secured-shop', dir: securedDir, expectDashboard: true });
    say(`\n== 2. Start: ${sides.map((s) => s.name).join(', ')} (data in ${tmp})\n\n`);
    internal = await startInternalService();
    const started = await Promise.allSettled(
      sides.map(async (side) => {
        const dataDir = join(tmp, side.name);
        await mkdir(dataDir, { recursive: true });
        const shop = await startShop({ ...side, dataDir });
        shops.push(shop);
        return shop;
      }),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const running = started.map((s) => (s as PromiseFulfilledResult<ShopProcess>).value);
    for (const shop of running) say(`  ${shop.name.padEnd(16)} ${shop.url}  (pid ${shop.pid})\n`);
    say(`  ${'internal service'.padEnd(16)} ${internal.url}  (the SSRF target: only the shops' own network should reach it)\n`);
    if (options.runtime) say(`\n  ${RUNTIME_SIDE} is the same vulnerable-shop code, unchanged, started with \`node --import @rampart/guard/register\` (runtime protection, block mode).\n`);

    say(`\n== 3. Attack: ${ATTACKS.length} attacks against each shop\n\n`);
    const ctx = { internal, nonce: newNonce() };
    const results: { name: string; results: AttackResult[] }[] = [];
    for (const shop of running) {
      if (interrupted) break;
      const target = { name: shop.name, url: shop.url, pid: shop.pid, dataDir: shop.dataDir };
      const blockedAt =
        shop.name === RUNTIME_SIDE
          ? (kind: string, since: number) => runtimeEvents.find((e) => e.rule === kind && e.action === 'blocked' && Date.parse(e.time) >= since - 1000)?.attack?.sink
          : undefined;
      results.push({ name: shop.name, results: await runCampaign(blockedAt ? { ...target, blockedAt } : target, ctx) });
    }
    say(formatCampaignTable(results, { color: options.color, width: options.width }));
    say('\n');
    for (const side of results) say(`${summary(side.name, side.results)}\n`);

    // Stopped by a signal: the cleanup is removing the temp folder, so nothing more goes into it.
    if (interrupted) return { securedFell: 0 };
    // One dashboard for the story: the scan report, runtime protection's detections, and the
    // secured shop's own events (copied from its API; it also serves them itself).
    const reportFile = join(tmp, 'scan-report.json');
    await writeFile(reportFile, formatReport(report, 'json'));
    const token = randomBytes(24).toString('base64url');
    const { startDashboard } = await import('@rampart/dashboard');
    const served = await startDashboard({ source: sink, token, report: reportFile, host: '127.0.0.1', port: 0 });
    dashboard = served;
    const secured = running.find((s) => s.name === 'secured-shop');
    const copied = new Set<string>();
    const securedEvents: SecurityEvent[] = [];
    let securedProblem: string | undefined;
    const copySecured = async () => {
      if (!secured?.dashboardUrl) return;
      try {
        for (const e of await securedShopEvents(secured.dashboardUrl)) {
          if (copied.has(e.id)) continue;
          copied.add(e.id);
          securedEvents.push(e);
          sink.write(e);
        }
      } catch (err) {
        securedProblem = (err as Error).message;
      }
    };
    await copySecured();
    const parts: string[] = [];
    if (options.runtime) parts.push(`${runtimeEvents.length} from ${RUNTIME_SIDE}${runtimeEvents.length > 0 ? ` (${byKind(runtimeEvents)})` : ''}`);
    if (secured) parts.push(securedProblem ? `none from secured-shop: ${securedProblem}` : `${securedEvents.length} from secured-shop${securedEvents.length > 0 ? ` (${byKind(securedEvents)})` : ''}`);
    const total = runtimeEvents.length + securedEvents.length;
    say(`\nDashboard: ${served.url}#token=${token}\n`);
    say(`  the scan of vulnerable-shop (${plural(report.findings.length, 'finding')}) and ${plural(total, 'security event')} recorded${parts.length > 0 ? `: ${parts.join('; ')}` : ''}\n`);
    if (secured?.dashboardUrl) say(`  secured-shop also serves its own, inside the app: ${secured.dashboardUrl}\n`);
    else if (secured) say('  secured-shop printed no "dashboard on <url>" line.\n');

    if (options.keepOpen && !interrupted) {
      say(`\nThe shops and the dashboard keep running: press Ctrl-C to stop.\n`);
      // New events keep arriving: runtime protection's as they are logged, the secured shop's every 2 s.
      const poll = setInterval(() => void copySecured(), 2000);
      const signal = await new Promise<NodeJS.Signals>((resolve) => (endWait = resolve));
      clearInterval(poll);
      say('\nStopping.\n');
      endWait = undefined;
      interrupted = signal; // a second signal while stopping kills the shops at once
    }
    const securedResults = results.find((r) => r.name === 'secured-shop');
    return { securedFell: securedResults ? securedResults.results.filter((r) => r.outcome.verdict === 'fell').length : 0 };
  } finally {
    await cleanup();
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
    process.off('exit', onExit);
  }
}
