/**
 * Browser tests: playwright-core driving Debian's chromium (/usr/bin/chromium, installed by
 * `.ci/run` with apt-get). No browser is ever downloaded (`npx playwright install` is never run).
 * Each launch gets a fresh profile folder, and the flags that keep chromium from calling home,
 * which on a machine without network would only slow it down.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.RAMPART_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots land here (gitignored), one per test, named after it. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MISSING_CHROMIUM = `chromium not found at ${CHROMIUM}. Install Debian's build: \`sudo apt-get install -y --no-install-recommends chromium\` (or set RAMPART_CHROMIUM to a Chromium binary). Never \`npx playwright install\`: nothing is downloaded outside the package managers.`;

/**
 * True when chromium is there. Without it the test is skipped with how to install it, except
 * under CI=true, where a missing browser is a broken machine and fails the test.
 */
export function chromiumOrSkip(t: { skip(message: string): void }): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(MISSING_CHROMIUM);
  t.skip(MISSING_CHROMIUM);
  return false;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'rampart-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Everything a page reported that a clean page never does: console errors, uncaught errors, CSP violations. */
export interface PageProblems {
  readonly console: string[];
  readonly errors: string[];
  readonly csp: string[];
  all(): string[];
}

/** A new page that records its problems from the first byte on. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = {
    console: [],
    errors: [],
    csp: [],
    all() {
      return [...this.console.map((m) => `console: ${m}`), ...this.errors.map((m) => `pageerror: ${m}`), ...this.csp.map((m) => `csp: ${m}`)];
    },
  };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  // Init scripts run through the DevTools protocol, outside the page's CSP.
  await page.exposeFunction('__rampartCspViolation', (text: string) => problems.csp.push(text));
  // A string: the test programs are compiled without the DOM library.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__rampartCspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
    });`,
  });
  return { page, problems };
}

/** Saves a full-page screenshot as test-artifacts/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
