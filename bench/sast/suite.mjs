// The labelled taint suite: what a case is (bench/sast/cases/<class>/<case>/), how its
// inline `// expect: <class>` markers are read, and every rule a well-formed case keeps.
// The contract lives in docs/sast-suite.md; the taint engine's rule ids are these classes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One taint rule id per class; a finding counts only when its ruleId is one of these. */
export const CLASSES = Object.freeze([
  { id: 'sql-injection', cwe: 'CWE-89', practice: 1 },
  { id: 'nosql-injection', cwe: 'CWE-943', practice: 1 },
  { id: 'command-injection', cwe: 'CWE-78', practice: 1 },
  { id: 'code-injection', cwe: 'CWE-94', practice: 1 },
  { id: 'path-traversal', cwe: 'CWE-22', practice: 1 },
  { id: 'ssrf', cwe: 'CWE-918', practice: 1 },
  { id: 'open-redirect', cwe: 'CWE-601', practice: 1 },
  { id: 'xss', cwe: 'CWE-79', practice: 1 },
  { id: 'prototype-pollution', cwe: 'CWE-1321', practice: 1 },
  { id: 'redos', cwe: 'CWE-1333', practice: 1 },
  { id: 'xxe', cwe: 'CWE-611', practice: 1 },
  { id: 'xpath-injection', cwe: 'CWE-643', practice: 1 },
  { id: 'xml-injection', cwe: 'CWE-91', practice: 1 },
  { id: 'ldap-injection', cwe: 'CWE-90', practice: 1 },
  { id: 'log-injection', cwe: 'CWE-117', practice: 6 },
  { id: 'insecure-deserialization', cwe: 'CWE-502', practice: 1 },
  { id: 'header-injection', cwe: 'CWE-113', practice: 1 },
  { id: 'template-injection', cwe: 'CWE-1336', practice: 1 },
  { id: 'data-leak', cwe: 'CWE-200', practice: 5 },
]);
export const CLASS_IDS = Object.freeze(CLASSES.map((c) => c.id));
const CLASS_SET = new Set(CLASS_IDS);

/** Where the input of a case comes from (case.json "framework"). */
export const FRAMEWORKS = Object.freeze(['express', 'express5', 'koa', 'fastify', 'hapi', 'nestjs', 'nextjs', 'node-http', 'ws', 'cli']);

/** The files of a case that tools read and that may carry markers. Templates (.ejs) ride along unread. */
export const SOURCE_EXTENSIONS = Object.freeze(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);

export const MIN_CASES = 150;

// `// expect: sql-injection` or `// expect: xss, data-leak` closing a line. Anchored at the
// end and built from a class-name alphabet only, so it runs in linear time on any line.
const MARKER = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;
// Any `// expect` comment is a marker attempt: a malformed one is reported, never ignored.
const MARKER_ATTEMPT = /\/\/\s*expect\b/;

/**
 * The expect markers of one file's text: one entry per (line, class), lines 1-based.
 * @returns {{ markers: { line: number, class: string }[], problems: string[] }}
 */
export function parseExpectMarkers(text) {
  const markers = [];
  const problems = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!MARKER_ATTEMPT.test(line)) continue;
    const m = MARKER.exec(line);
    if (!m) {
      problems.push(`line ${i + 1}: malformed expect marker (write \`// expect: <class>[, <class>]\` at the end of the line)`);
      continue;
    }
    const seen = new Set();
    for (const cls of m[1].split(',').map((s) => s.trim())) {
      if (!CLASS_SET.has(cls)) problems.push(`line ${i + 1}: unknown class "${cls}" in expect marker`);
      else if (seen.has(cls)) problems.push(`line ${i + 1}: class "${cls}" twice in one marker`);
      else {
        seen.add(cls);
        markers.push({ line: i + 1, class: cls });
      }
    }
  }
  return { markers, problems };
}

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

const toPosix = (p) => p.split(sep).join('/');

/**
 * @typedef {{ file: string, line: number, class: string }} Marker  file relative to the cases folder
 * @typedef {{ id: string, class: string, name: string, dir: string, framework: string, vulnerable: boolean,
 *   twin: string, description: string, files: string[], markers: Marker[] }} Case
 */

/**
 * Reads every case under `casesDir` and checks the suite's rules. Problems are returned,
 * not thrown, so one run lists them all (the suite test fails on any).
 * @returns {{ cases: Case[], problems: string[] }}
 */
export function loadSuite(casesDir) {
  const cases = [];
  const problems = [];
  if (!existsSync(casesDir)) return { cases, problems: [`${casesDir}: no cases folder`] };
  for (const classDir of readdirSync(casesDir).sort()) {
    const classPath = join(casesDir, classDir);
    if (!statSync(classPath).isDirectory()) {
      // A set's own description may sit beside its class folders.
      if (/^README(\.md)?$/i.test(classDir)) continue;
      problems.push(`${classDir}: only class folders belong in the cases folder`);
      continue;
    }
    if (!CLASS_SET.has(classDir)) problems.push(`${classDir}/: not a class (known: ${CLASS_IDS.join(', ')})`);
    for (const name of readdirSync(classPath).sort()) {
      const dir = join(classPath, name);
      const id = `${classDir}/${name}`;
      if (!statSync(dir).isDirectory()) {
        problems.push(`${id}: only case folders belong in a class folder`);
        continue;
      }
      const c = readCase(casesDir, dir, id, classDir, name, problems);
      if (c) cases.push(c);
    }
  }
  checkTwins(cases, problems);
  return { cases, problems };
}

function readCase(casesDir, dir, id, classDir, name, problems) {
  let meta;
  try {
    meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
  } catch (err) {
    problems.push(`${id}/case.json: ${err.code === 'ENOENT' ? 'missing' : `not valid JSON (${err.message})`}`);
    return undefined;
  }
  const bad = (what) => problems.push(`${id}/case.json: ${what}`);
  const allowed = new Set(['class', 'framework', 'vulnerable', 'twin', 'description']);
  for (const key of Object.keys(meta)) if (!allowed.has(key)) bad(`unknown key "${key}"`);
  if (meta.class !== classDir) bad(`class "${meta.class}" does not match its folder ${classDir}/`);
  if (!FRAMEWORKS.includes(meta.framework)) bad(`framework "${meta.framework}" is not one of ${FRAMEWORKS.join(', ')}`);
  if (typeof meta.vulnerable !== 'boolean') bad('vulnerable must be true or false');
  if (typeof meta.twin !== 'string' || meta.twin === '' || meta.twin === name) bad('twin must name another case folder in the same class folder');
  if (typeof meta.description !== 'string' || meta.description.trim() === '') bad('description must be a one-line string');
  else if (meta.description.includes('\n')) bad('description must be one line');

  const files = listFiles(dir)
    .filter((f) => SOURCE_EXTENSIONS.includes(extname(f)))
    .map((f) => toPosix(relative(casesDir, f)))
    .sort();
  if (files.length === 0) problems.push(`${id}: no source file (${SOURCE_EXTENSIONS.join(' ')})`);
  const markers = [];
  for (const file of files) {
    const parsed = parseExpectMarkers(readFileSync(join(casesDir, file), 'utf8'));
    for (const p of parsed.problems) problems.push(`${file}: ${p}`);
    for (const m of parsed.markers) markers.push({ file, line: m.line, class: m.class });
  }
  if (meta.vulnerable === true) {
    if (!markers.some((m) => m.class === classDir)) problems.push(`${id}: vulnerable, but no \`// expect: ${classDir}\` marker`);
  } else if (meta.vulnerable === false && markers.length > 0) {
    problems.push(`${id}: safe, but carries expect markers (${markers.map((m) => `${m.file}:${m.line}`).join(', ')})`);
  }
  return { id, class: classDir, name, dir, framework: meta.framework, vulnerable: meta.vulnerable, twin: meta.twin, description: meta.description, files, markers };
}

function checkTwins(cases, problems) {
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const c of cases) {
    const twin = byId.get(`${c.class}/${c.twin}`);
    if (!twin) {
      problems.push(`${c.id}: twin "${c.twin}" is not a case in ${c.class}/`);
      continue;
    }
    if (twin.twin !== c.name) problems.push(`${c.id}: its twin ${twin.id} names "${twin.twin}" as its twin, not "${c.name}"`);
    if (twin.vulnerable === c.vulnerable) problems.push(`${c.id}: twin ${twin.id} is also ${c.vulnerable ? 'vulnerable' : 'safe'}; twins are one vulnerable and one safe`);
    if (twin.framework !== c.framework) problems.push(`${c.id}: twin ${twin.id} uses framework ${twin.framework}, not ${c.framework}`);
  }
}

/** Every marker of the suite: the expected findings, one per (file, line, class). */
export function expectedFindings(cases) {
  return cases.flatMap((c) => c.markers.map((m) => ({ file: m.file, first: m.line, last: m.line, class: m.class })));
}

/**
 * Planted flaws of an example app (EXPECTED.json), kept when their class is a taint class.
 * The examples name some classes their own way; these aliases map them onto the suite's.
 */
export const EXAMPLE_CLASS_ALIASES = Object.freeze({
  'reflected-xss': 'xss',
  'stored-xss': 'xss',
  'regexp-injection': 'redos',
  'sensitive-data-exposure': 'data-leak',
});

/**
 * Taint flaws of an example, from its EXPECTED.json, each once.
 * @returns {{ file: string, first: number, last: number, class: string }[]} paths relative to the example root
 */
export function exampleTaintFlaws(expectedJsonPath) {
  const flaws = existsSync(expectedJsonPath) ? JSON.parse(readFileSync(expectedJsonPath, 'utf8')).flaws : [];
  const out = [];
  for (const f of flaws) {
    const cls = EXAMPLE_CLASS_ALIASES[f.class] ?? f.class;
    if (!CLASS_SET.has(cls)) continue;
    const [first, last] = Array.isArray(f.line) ? [Number(f.line[0]), Number(f.line[f.line.length - 1])] : [Number(f.line), typeof f.endLine === 'number' ? f.endLine : Number(f.line)];
    const file = String(f.file).replace(/^\.\//, '');
    // One flaw may be listed once per rule that reports it (the taint rule and a lint rule): one flaw here.
    if (out.some((o) => o.file === file && o.first === first && o.last === last && o.class === cls)) continue;
    out.push({ file, first, last, class: cls });
  }
  return out;
}

