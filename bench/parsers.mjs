// Parser choice: how fast each candidate parses the large tree, and its peak memory.
// `benchParsers()` runs this same file once per parser in a child process (so each
// peak RSS is that parser's alone); the child mode is `node parsers.mjs <parser> <list.json>`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNodeMeasured } from './measure-process.mjs';

const CHILD_TIMEOUT_MS = 240_000;

/**
 * Each parser with the options the matching tool uses: meriyah and oxc as Rampart's scanner
 * calls them (meriyah for JavaScript, oxc for TypeScript, which meriyah does not read),
 * espree as ESLint calls it (ranges, locations, tokens and comments; module first, then
 * script), Babel with its ESTree plugin (what ESTree rules would need) and without.
 */
const PARSERS = {
  meriyah: async () => {
    const { parse } = await import('meriyah');
    return (file, text) => {
      const jsx = file.endsWith('.js') || file.endsWith('.jsx');
      try {
        return parse(text, { next: true, ranges: true, jsx, module: true });
      } catch {
        return parse(text, { next: true, ranges: true, jsx, module: false, webcompat: true, globalReturn: true });
      }
    };
  },
  'oxc-parser': async () => {
    const { parseSync } = await import('oxc-parser');
    return (file, text) => {
      const lang = file.endsWith('.js') ? 'jsx' : 'js';
      const r = parseSync(file, text, { lang, sourceType: 'unambiguous', preserveParens: false, astType: 'js' });
      return r.errors.some((e) => e.severity === 'Error') ? 'error' : r.program;
    };
  },
  typescript: async () => {
    const ts = (await import('typescript')).default;
    return (file, text) => {
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      return sf.parseDiagnostics.length > 0 ? 'error' : sf; // TypeScript records syntax errors instead of throwing
    };
  },
  '@babel/parser': async () => {
    const { parse } = await import('@babel/parser');
    return (file, text) => parse(text, { sourceType: 'unambiguous', plugins: ['jsx'] });
  },
  '@babel/parser + estree': async () => {
    const { parse } = await import('@babel/parser');
    return (file, text) => parse(text, { sourceType: 'unambiguous', plugins: ['jsx', 'estree'] });
  },
  'espree (ESLint)': async () => {
    const espree = await import('espree');
    const options = { ecmaVersion: 'latest', range: true, loc: true, tokens: true, comment: true };
    return (file, text) => {
      try {
        return espree.parse(text, { ...options, sourceType: 'module' });
      } catch {
        return espree.parse(text, { ...options, sourceType: 'script', ecmaFeatures: { globalReturn: true } });
      }
    };
  },
};

export const PARSER_NAMES = Object.keys(PARSERS);

async function child(name, listFile) {
  const { root, files } = JSON.parse(readFileSync(listFile, 'utf8'));
  const parse = await PARSERS[name]();
  let bytes = 0;
  let failed = 0;
  let ms = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    bytes += Buffer.byteLength(text);
    const t0 = performance.now();
    try {
      if (parse(file, text) === 'error') failed++;
    } catch {
      failed++;
    }
    ms += performance.now() - t0;
  }
  process.stdout.write(JSON.stringify({ files: files.length, bytes, failed, parseSeconds: ms / 1000 }));
}

/**
 * @param {string} root
 * @param {string[]} files relative to root
 * @param {string} scratchDir
 * @returns {Promise<{ name: string, files?: number, bytes?: number, failed?: number, parseSeconds?: number, peakRssMB?: number, error?: string }[]>}
 */
export async function benchParsers(root, files, scratchDir) {
  const listFile = join(scratchDir, 'parser-files.json');
  writeFileSync(listFile, JSON.stringify({ root, files }));
  const self = fileURLToPath(import.meta.url);
  const results = [];
  for (const name of PARSER_NAMES) {
    const run = await runNodeMeasured(['--max-old-space-size=8192', self, name, listFile], { timeoutMs: CHILD_TIMEOUT_MS });
    if (run.timedOut) results.push({ name, error: `timed out after ${CHILD_TIMEOUT_MS / 1000} s` });
    else if (run.exitCode !== 0) results.push({ name, error: run.stderr.trim().split('\n').slice(-1)[0] ?? `exit ${run.exitCode}` });
    else results.push({ name, ...JSON.parse(run.stdout), peakRssMB: run.peakRssMB });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [name, listFile] = process.argv.slice(2);
  if (!PARSERS[name]) {
    console.error(`usage: node parsers.mjs <${PARSER_NAMES.join('|')}> <list.json>`);
    process.exit(2);
  }
  await child(name, listFile);
}
