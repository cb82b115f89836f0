// The tools compared on the suite, and how each one's findings become classes.
// Rampart: the built CLI, one process per scanned folder; a finding counts when its ruleId
// IS a class. ESLint: one in-process ESLint instance per plugin setup, linting every file at
// once; a finding counts when its rule is in ESLINT_RULE_CLASSES, under the class the rule
// claims to detect (rules that claim none of the classes are not counted at all).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeMeasured } from '../measure-process.mjs';
import { CLASS_IDS } from './suite.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const CLASS_SET = new Set(CLASS_IDS);
const toPosix = (p) => p.split(sep).join('/');

/**
 * What each ESLint rule claims to find, as a suite class. Only these rules are scored;
 * a rule that fires on a line marked with its class is a true positive, anywhere else a
 * false positive. Rules on nothing the suite measures (timing attacks, Buffer APIs,
 * cookies, insecure URLs, target=_blank...) are left out and ignored.
 */
export const ESLINT_RULE_CLASSES = Object.freeze({
  // eslint-plugin-security 4
  'security/detect-child-process': 'command-injection', // child_process exec/require
  'security/detect-non-literal-fs-filename': 'path-traversal', // fs call with a non-literal path
  'security/detect-eval-with-expression': 'code-injection', // eval(<not a literal>)
  'security/detect-non-literal-require': 'code-injection', // require(<not a literal>)
  'security/detect-non-literal-regexp': 'redos', // new RegExp(<not a literal>)
  'security/detect-unsafe-regex': 'redos', // a literal regex with catastrophic backtracking
  'security/detect-object-injection': 'prototype-pollution', // obj[variable] reads and writes
  'security/detect-disable-mustache-escape': 'xss', // escapeMarkup = false
  // @microsoft/eslint-plugin-sdl (its common, node and react configs; core rules it turns on)
  '@microsoft/sdl/no-inner-html': 'xss',
  '@microsoft/sdl/no-html-method': 'xss', // jQuery-style .html(x)
  '@microsoft/sdl/no-document-write': 'xss',
  '@microsoft/sdl/no-winjs-html-unsafe': 'xss',
  '@microsoft/sdl/no-msapp-exec-unsafe': 'xss',
  'react/no-danger': 'xss', // dangerouslySetInnerHTML
  'no-eval': 'code-injection',
  'no-implied-eval': 'code-injection', // setTimeout("code"), setInterval("code")
  'no-new-func': 'code-injection', // new Function(...)
  // eslint-plugin-no-unsanitized
  'no-unsanitized/method': 'xss', // insertAdjacentHTML, document.write, ...; import(x) is code-injection (classOfRule)
  'no-unsanitized/property': 'xss', // innerHTML, outerHTML
});

/** Class of a tool finding, or undefined when it does not count. */
export function classOfRule(tool, ruleId, message = '') {
  if (!ruleId) return undefined;
  if (tool === 'rampart') return CLASS_SET.has(ruleId) ? ruleId : undefined;
  // no-unsanitized/method also reports import(<not a literal>): code loading, not HTML.
  if (ruleId === 'no-unsanitized/method' && /\bimport\b/.test(message)) return 'code-injection';
  return ESLINT_RULE_CLASSES[ruleId];
}

/**
 * @typedef {{ file: string, line: number, ruleId: string, message?: string }} RawFinding  file absolute
 * @typedef {{ ok: boolean, error?: string, seconds: number, files: number, parseFailures: string[], findings: RawFinding[] }} ToolRun
 */

/**
 * `rampart scan <dir> -f json --fail-on none` with the given built CLI.
 * @returns {Promise<ToolRun>}
 */
export async function runRampartCli(bin, dir, { scratchDir, timeoutMs = 180_000, label }) {
  mkdirSync(scratchDir, { recursive: true });
  const out = join(scratchDir, `rampart-${label.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  const run = await runNodeMeasured([bin, 'scan', dir, '-f', 'json', '-o', out, '--fail-on', 'none'], { timeoutMs });
  if (run.timedOut || run.exitCode !== 0) {
    const tail = run.stderr.trim().split('\n').slice(-3).join(' | ');
    return { ok: false, error: run.timedOut ? `timed out after ${Math.round(run.wallSeconds)} s` : `rampart exited ${run.exitCode}: ${tail}`, seconds: run.wallSeconds, files: 0, parseFailures: [], findings: [] };
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const root = report.root ?? dir;
  return {
    ok: true,
    seconds: run.wallSeconds,
    files: report.summary.filesScanned,
    parseFailures: report.warnings.filter((w) => w.kind === 'parse-error').map((w) => join(root, w.file ?? '')),
    findings: report.findings.map((f) => ({ file: join(root, f.file), line: f.line, ruleId: f.ruleId })),
  };
}

/** The three ESLint setups compared, each as its users would turn it on. */
export const ESLINT_SETUPS = Object.freeze([
  { name: 'eslint + security', build: () => pluginRules('security', require('eslint-plugin-security')) },
  { name: 'eslint + sdl', build: sdlConfig },
  { name: 'eslint + no-unsanitized', build: () => pluginRules('no-unsanitized', require('eslint-plugin-no-unsanitized')) },
]);

/** Every rule of a plugin on, as warnings. */
function pluginRules(prefix, plugin) {
  return [{ plugins: { [prefix]: plugin }, rules: Object.fromEntries(Object.keys(plugin.rules).map((id) => [`${prefix}/${id}`, 'warn'])) }];
}

/** The plugin's own common + node + react configs (core no-eval family and react/no-danger included). */
function sdlConfig() {
  const sdl = require('@microsoft/eslint-plugin-sdl');
  return [...sdl.configs.common, ...sdl.configs.node, ...sdl.configs.react].map((block) => {
    // Keep the rules and plugins; the parser blocks below decide how files are read.
    const { languageOptions: _ignored, ...rest } = block;
    return rest;
  });
}

async function parserBlocks() {
  const tsParser = require('@typescript-eslint/parser');
  const unambiguousEspree = await import('../espree-unambiguous-parser.mjs');
  return [
    { files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'], languageOptions: { parser: unambiguousEspree, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
}

/**
 * One ESLint setup over `files` (absolute paths), in this process, with one ESLint instance.
 * @returns {Promise<ToolRun>}
 */
export async function runEslintSetup(setup, files, { cwd = REPO } = {}) {
  const started = performance.now();
  try {
    const { ESLint } = require('eslint');
    const overrideConfig = [...(await parserBlocks()), ...setup.build().map((b) => ({ files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'], ...b }))];
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, ignore: false, errorOnUnmatchedPattern: false });
    const results = await eslint.lintFiles(files);
    const findings = [];
    const parseFailures = [];
    for (const r of results) {
      if (r.messages.some((m) => m.fatal)) parseFailures.push(r.filePath);
      for (const m of r.messages) if (!m.fatal && m.ruleId) findings.push({ file: r.filePath, line: m.line, ruleId: m.ruleId, message: m.message });
    }
    return { ok: true, seconds: (performance.now() - started) / 1000, files: results.length, parseFailures, findings };
  } catch (err) {
    return { ok: false, error: `eslint failed: ${err.message.split('\n')[0]}`, seconds: (performance.now() - started) / 1000, files: 0, parseFailures: [], findings: [] };
  }
}

/**
 * Findings of one tool, with classes, relative to `root`; findings outside `root` and
 * findings of no class are dropped.
 */
export function classFindings(tool, findings, root) {
  const out = [];
  for (const f of findings) {
    const cls = classOfRule(tool, f.ruleId, f.message);
    if (!cls) continue;
    const rel = toPosix(isAbsolute(f.file) ? relative(root, f.file) : f.file);
    if (rel.startsWith('..')) continue;
    out.push({ file: rel, line: f.line, class: cls });
  }
  return out;
}
