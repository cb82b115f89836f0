import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PracticeId } from '@rampart/core';
import { CampaignClient, parseJson, type Answer } from './http-client.js';
import { INTERNAL_TITLE, type InternalService } from './internal-service.js';

/** A running shop the campaign attacks. */
export interface Target {
  readonly name: string;
  readonly url: string;
  /** The shop's process id: code injection is proven when the shop answers with it. */
  readonly pid: number;
  /** The shop's DATA_DIR: command injection is proven when a file appears in it. */
  readonly dataDir: string;
  /**
   * For a shop under runtime protection: the sink where an attack of this kind was blocked since
   * `since` (ms since the epoch), from the protection's own events. An app may catch the blocked
   * call and answer as for any failure; the event still says who stopped it.
   */
  blockedAt?(kind: string, since: number): string | undefined;
}

export interface CampaignContext {
  readonly internal: InternalService;
  /** Unique per run, so the proof of one run never counts for another. */
  readonly nonce: string;
}

/**
 * fell: the attack worked, proven from the answer (or its side effect).
 * blocked: refused outright (400, 403, 413, 422, 423, 429; the sink stopped by runtime protection;
 *   the right password refused).
 * held: answered, but the attack did not work (escaped, not found, the fetch failed).
 * not-run: the campaign could not get to the attack (login refused, no answer).
 */
export type Verdict = 'fell' | 'blocked' | 'held' | 'not-run';

export interface Outcome {
  readonly verdict: Verdict;
  /** What the answer showed, in a few words. */
  readonly evidence: string;
}

export interface Attack {
  readonly id: string;
  readonly title: string;
  /** The kind of attack, as runtime protection names it where it has a detector. */
  readonly kind: string;
  readonly practice: PracticeId;
  run(target: Target, ctx: CampaignContext): Promise<Outcome>;
}

export interface AttackResult {
  readonly attack: Attack;
  readonly outcome: Outcome;
}

/** The seeded demo accounts every shop of the demo has (examples/vulnerable-shop/README.md). */
export const DEMO_ACCOUNTS = Object.freeze({
  admin: { email: 'admin@corner-coffee.example', password: 'admin123' },
  alice: { email: 'alice@example.com', password: 'alice123' },
  bob: { email: 'bob@example.com', password: 'bob123' },
});

/** Common passwords first, the right one last: a short dictionary attack on alice. */
const GUESSES = Object.freeze([
  '123456', 'password', '12345678', 'qwerty', '123456789', '12345', '1234', '111111', '1234567', 'dragon',
  '123123', 'baseball', 'abc123', 'football', 'monkey', 'letmein', 'shadow', 'master', '666666', 'qwertyuiop',
  'sunshine', 'iloveyou', 'princess', 'welcome', 'coffee', 'espresso', 'alice', 'alice2024', 'alice1', DEMO_ACCOUNTS.alice.password,
]);
/** A brute force that takes longer than this has been slowed down enough to stop. */
const BRUTE_FORCE_BUDGET_MS = 15_000;

/** Text from a shop's answer, made safe to print on one short line. */
function shown(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function requestIdOf(answer: Answer): string | undefined {
  const header = answer.headers['x-request-id'];
  const data = parseJson(answer.body) as { requestId?: unknown } | undefined;
  // The guard's header, its JSON answer, or the text of its error ("Request blocked by Rampart (request id …)").
  const id =
    typeof header === 'string' ? header : data && typeof data.requestId === 'string' ? data.requestId : /\brequest id ([\w.:-]{1,80})\)/.exec(answer.body.slice(0, 4096))?.[1];
  return id && /^[\w.:-]{1,80}$/.test(id) ? id : undefined;
}

function errorMessageOf(answer: Answer): string | undefined {
  const data = parseJson(answer.body) as { error?: unknown; message?: unknown } | undefined;
  const text = data && typeof data === 'object' ? (typeof data.error === 'string' ? data.error : typeof data.message === 'string' ? data.message : undefined) : undefined;
  return text ? shown(text) : undefined;
}

/** Answers that refuse the request outright: invalid input, forbidden, too large, locked, too many. */
const REFUSALS: ReadonlySet<number> = new Set([400, 403, 413, 422, 423, 429]);

/** The outcome of an answer that did not carry the attack's proof. */
function refused(answer: Answer): Outcome {
  const id = requestIdOf(answer);
  const message = errorMessageOf(answer);
  const quoted = message ? ` "${shown(message, 40)}"` : '';
  const requestId = id ? ` (request id ${id})` : '';
  if (REFUSALS.has(answer.status)) return { verdict: 'blocked', evidence: `${answer.status}${quoted}${requestId}` };
  // Runtime protection stopped the sink, and the app's own error handling chose another status.
  if (/RAMPART_ATTACK_BLOCKED|Request blocked by Rampart/.test(answer.body.slice(0, 4096))) {
    return { verdict: 'blocked', evidence: `stopped at the sink, the app answered ${answer.status}${requestId}` };
  }
  return { verdict: 'held', evidence: `answered ${answer.status}${quoted}` };
}

async function loggedIn(target: Target, who: keyof typeof DEMO_ACCOUNTS): Promise<{ client: CampaignClient } | { outcome: Outcome }> {
  const client = new CampaignClient(target.url);
  const answer = await client.post('/api/auth/login', DEMO_ACCOUNTS[who]);
  if (answer.status !== 200) return { outcome: { verdict: 'not-run', evidence: `could not log in as ${who} (${answer.status})` } };
  return { client };
}

/** E-mail addresses in a text, found from each '@' outwards: linear time whatever the answer holds. */
function emailsIn(text: string): string[] {
  const found = new Set<string>();
  const local = /[\w.+-]/;
  const domain = /[\w.-]/;
  for (let at = text.indexOf('@'); at !== -1 && found.size < 100; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && local.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && domain.test(text[end]!)) end++;
    const address = text.slice(start, end).replace(/\.+$/, '');
    if (start < at && /^[^@]+@[\w-]+(\.[\w-]+)+$/.test(address)) found.add(address);
  }
  return [...found];
}

export const ATTACKS: readonly Attack[] = Object.freeze([
  {
    id: 'sql-injection',
    title: 'SQL injection',
    kind: 'sql-injection',
    practice: 1,
    async run(target) {
      // Logged in as bob, whose order lookup is meant to show bob's orders only.
      const session = await loggedIn(target, 'bob');
      if ('outcome' in session) return session.outcome;
      const payload = "0 UNION SELECT 1, group_concat(email, ' '), group_concat(password_hash, ' '), 1, 1, 1, 1, 1 FROM users --";
      const answer = await session.client.get(`/api/orders/${encodeURIComponent(payload)}`);
      const others = emailsIn(answer.body).filter((e) => e !== DEMO_ACCOUNTS.bob.email);
      if (answer.status === 200 && others.length > 0) {
        const hashes = /\b[0-9a-f]{32,}\b/.test(answer.body) ? ' and password hashes' : '';
        return { verdict: 'fell', evidence: `read ${others.length} other users' emails${hashes} (${others.map((e) => shown(e, 40)).join(', ')})` };
      }
      return refused(answer);
    },
  },
  {
    id: 'reflected-xss',
    title: 'Reflected XSS',
    kind: 'reflected-xss',
    practice: 1,
    async run(target, ctx) {
      const script = `<script>alert("rampart-${ctx.nonce}")</script>`;
      const answer = await new CampaignClient(target.url).get(`/search?q=${encodeURIComponent(script)}`);
      const html = /^text\/html\b/i.test(String(answer.headers['content-type'] ?? ''));
      if (answer.status === 200 && html && answer.body.includes(script)) {
        const csp = String(answer.headers['content-security-policy'] ?? '');
        if (/(?:^|;)\s*(?:script-src|default-src)\s/i.test(csp) && !/'unsafe-inline'/i.test(csp)) {
          return { verdict: 'held', evidence: 'script reflected, but the CSP forbids inline scripts' };
        }
        return { verdict: 'fell', evidence: 'script reflected unescaped into the page, no CSP to stop it' };
      }
      if (answer.status === 200 && answer.body.includes('&lt;script&gt;alert(')) return { verdict: 'held', evidence: 'search term escaped in the page' };
      return refused(answer);
    },
  },
  {
    id: 'path-traversal',
    title: 'Path traversal',
    kind: 'path-traversal',
    practice: 1,
    async run(target) {
      const answer = await new CampaignClient(target.url).get(`/api/products/manuals?file=${encodeURIComponent('../config/default.json')}`);
      const config = parseJson(answer.body) as { payments?: { apiKey?: unknown }; database?: unknown } | undefined;
      if (answer.status === 200 && config && typeof config === 'object' && (config.payments || config.database)) {
        const key = typeof config.payments?.apiKey === 'string' ? `, payment key ${shown(config.payments.apiKey, 12)}` : '';
        return { verdict: 'fell', evidence: `read ../config/default.json${key}` };
      }
      return refused(answer);
    },
  },
  {
    id: 'ssrf',
    title: 'SSRF',
    kind: 'ssrf',
    practice: 1,
    async run(target, ctx) {
      const marker = `${ctx.nonce}-${target.name}`;
      const url = `${ctx.internal.url}/admin/${marker}`;
      const answer = await new CampaignClient(target.url).get(`/api/products/preview?url=${encodeURIComponent(url)}`);
      const hits = ctx.internal.hitsFor(marker);
      if (hits.length > 0) {
        const data = parseJson(answer.body) as { title?: unknown } | undefined;
        const leaked = data && data.title === INTERNAL_TITLE ? `, leaked its title "${INTERNAL_TITLE}"` : '';
        return { verdict: 'fell', evidence: `internal server hit (${shown(hits[0]!.split(' ')[0]!, 8)} /admin/…)${leaked}` };
      }
      return refused(answer);
    },
  },
  {
    id: 'code-injection',
    title: 'Code injection (eval)',
    kind: 'code-injection',
    practice: 1,
    async run(target) {
      const answer = await new CampaignClient(target.url).get('/api/products/1/price?discount=process.pid');
      const data = parseJson(answer.body) as { unitPrice?: unknown } | undefined;
      if (answer.status === 200 && data && data.unitPrice === target.pid) {
        return { verdict: 'fell', evidence: `ran our code: answered the server's process id ${target.pid}` };
      }
      if (answer.status === 200 && data && typeof data.unitPrice === 'number') return { verdict: 'held', evidence: `discount ignored, normal price ${data.unitPrice}` };
      return refused(answer);
    },
  },
  {
    id: 'command-injection',
    title: 'Command injection',
    kind: 'shell-injection',
    practice: 1,
    async run(target, ctx) {
      // An admin's session (a phished password): the backup's file name goes into a shell command.
      const session = await loggedIn(target, 'admin');
      if ('outcome' in session) return session.outcome;
      const proof = join(target.dataDir, `pwned-${ctx.nonce}`);
      const answer = await session.client.post('/api/admin/backup', { name: `demo; touch '${proof}' #` });
      if (existsSync(proof)) return { verdict: 'fell', evidence: `ran a shell command: created pwned-${ctx.nonce} in the shop's data folder` };
      return refused(answer);
    },
  },
  {
    id: 'brute-force',
    title: 'Brute-force login',
    kind: 'brute-force',
    practice: 2,
    async run(target) {
      const started = Date.now();
      for (let i = 0; i < GUESSES.length; i++) {
        const password = GUESSES[i]!;
        const answer = await new CampaignClient(target.url).post('/api/auth/login', { email: DEMO_ACCOUNTS.alice.email, password });
        if (answer.status === 200) return { verdict: 'fell', evidence: `alice's password found after ${i + 1} tries, no limit` };
        if (answer.status === 403 || answer.status === 423 || answer.status === 429) {
          return { verdict: 'blocked', evidence: `${answer.status} after ${i} wrong tries${requestIdOf(answer) ? ` (request id ${requestIdOf(answer)})` : ''}` };
        }
        if (password === DEMO_ACCOUNTS.alice.password) return { verdict: 'blocked', evidence: `right password refused (${answer.status}) after ${i} wrong ones: locked` };
        if (Date.now() - started > BRUTE_FORCE_BUDGET_MS) return { verdict: 'held', evidence: `slowed down: ${i + 1} tries in ${Math.round((Date.now() - started) / 1000)} s` };
      }
      return { verdict: 'held', evidence: `${GUESSES.length} guesses, none accepted` };
    },
  },
]);

/** How long a held attack waits for the protection's event, which travels apart from the answer (stderr). */
const EVENT_GRACE_MS = 500;

/** A held outcome becomes blocked when runtime protection reports it stopped that attack's sink. */
async function withProtectionEvent(target: Target, attack: Attack, since: number, outcome: Outcome): Promise<Outcome> {
  if (outcome.verdict !== 'held' || !target.blockedAt) return outcome;
  const until = Date.now() + EVENT_GRACE_MS;
  for (;;) {
    const sink = target.blockedAt(attack.kind, since);
    if (sink) return { verdict: 'blocked', evidence: `stopped at ${shown(sink, 40)} by runtime protection; the app then ${outcome.evidence}` };
    if (Date.now() >= until) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The longest one attack may take (the brute force stops itself after BRUTE_FORCE_BUDGET_MS plus one request). */
export const ATTACK_DEADLINE_MS = 45_000;

/** Runs every attack against one target, in order; an attack that throws or hangs is reported, not fatal. */
export async function runCampaign(target: Target, ctx: CampaignContext): Promise<AttackResult[]> {
  const results: AttackResult[] = [];
  for (const attack of ATTACKS) {
    let outcome: Outcome;
    let timer: NodeJS.Timeout | undefined;
    const since = Date.now();
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result within ${ATTACK_DEADLINE_MS / 1000} s`)), ATTACK_DEADLINE_MS);
    });
    try {
      outcome = await Promise.race([attack.run(target, ctx), deadline]);
      outcome = await withProtectionEvent(target, attack, since, outcome);
    } catch (err) {
      outcome = { verdict: 'not-run', evidence: `no answer: ${shown((err as Error).message)}` };
    } finally {
      clearTimeout(timer);
    }
    results.push({ attack, outcome });
  }
  return results;
}

export function newNonce(): string {
  return randomBytes(4).toString('hex');
}
