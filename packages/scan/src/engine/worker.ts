import type { RuleSetting } from '../config.js';
import type { TaintConfig } from '../taint/tables.js';
import type { PathAliases } from '../taint/aliases.js';
import { analyzeFile } from './analyze.js';
import { projectFileReader, readSource } from './read.js';
import type { ActiveRules } from './analyze.js';
import { activeRules } from './rules-config.js';

/**
 * A scan worker process: receives batches of relative paths, answers with their results.
 * It is a separate process so that a native parser crash on a hostile file (a stack
 * overflow on extreme nesting) kills this worker, never the scan.
 */
export type WorkerMessage =
  | { type: 'init'; root: string; settings: Record<string, RuleSetting>; maxFileSize: number; taint?: TaintConfig; dependencies?: Record<string, string>; packageDependencies?: Record<string, Record<string, string>>; aliases?: PathAliases }
  | { type: 'batch'; id: number; files: string[] };

let config: { root: string; maxFileSize: number; rules: ActiveRules } | undefined;

process.on('message', (msg: WorkerMessage) => {
  if (msg.type === 'init') {
    config = { root: msg.root, maxFileSize: msg.maxFileSize, rules: { ...activeRules(msg.settings, msg.taint, msg.dependencies, msg.packageDependencies), readFile: projectFileReader(msg.root, msg.maxFileSize, msg.aliases), deferExports: true } };
    return;
  }
  const { root, maxFileSize, rules } = config!;
  const results = [];
  for (const file of msg.files) {
    const source = readSource(root, file, maxFileSize);
    results.push(source.kind === 'text' ? { file, result: analyzeFile(file, source.text, rules) } : { file, skipped: source.skipped });
  }
  process.send!({ id: msg.id, results });
});
process.on('disconnect', () => process.exit(0));
