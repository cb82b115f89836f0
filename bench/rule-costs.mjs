// Where `rampart scan` spends its time on the large tree, single-threaded and in-process:
// oxc parsing (with parent links) against each rule's visitors. Run by `run.mjs --rule-costs`
// as a child process, or alone: node bench/rule-costs.mjs <list.json>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

async function measure(listFile) {
  const { root, files } = JSON.parse(readFileSync(listFile, 'utf8'));
  const { analyzeFile, JS_RULES } = await import('../packages/scan/dist/index.js');
  const { jsLang, parseJs } = await import('../packages/scan/dist/engine/parse.js');
  const ruleMs = new Map(JS_RULES.map((r) => [r.meta.id, 0]));
  // Wrappers, so the registered rule objects stay untouched: each visitor call is timed.
  const timed = JS_RULES.map((rule) => ({
    ...rule,
    create(context) {
      const t0 = performance.now();
      const visitors = rule.create(context);
      ruleMs.set(rule.meta.id, ruleMs.get(rule.meta.id) + performance.now() - t0);
      return Object.fromEntries(
        Object.entries(visitors).map(([key, fn]) => [
          key,
          (node) => {
            const t = performance.now();
            try {
              fn(node);
            } finally {
              ruleMs.set(rule.meta.id, ruleMs.get(rule.meta.id) + performance.now() - t);
            }
          },
        ]),
      );
    },
  }));
  const ids = new Set(JS_RULES.map((r) => r.meta.id));
  const rules = { js: timed, file: [], severity: new Map(), known: ids, active: ids };
  let parseMs = 0;
  let analyzeMs = 0;
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    let t0 = performance.now();
    parseJs(file, text, jsLang(file)); // the same parse analyzeFile does, timed on its own
    parseMs += performance.now() - t0;
    t0 = performance.now();
    analyzeFile(file, text, rules);
    analyzeMs += performance.now() - t0;
  }
  const rulesMs = [...ruleMs.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(JSON.stringify({ files: files.length, parseMs, analyzeMs, rulesMs, perRule: [...ruleMs] }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await measure(process.argv[2]);
