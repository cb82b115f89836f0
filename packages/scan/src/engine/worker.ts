import { parentPort, workerData } from 'node:worker_threads';
import type { RuleSetting } from '../config.js';
import { analyzeFile } from './analyze.js';
import { readSource } from './read.js';
import { activeRules } from './rules-config.js';

/** A scan worker: receives batches of relative paths, answers with their results. */
const { root, settings, maxFileSize } = workerData as { root: string; settings: Record<string, RuleSetting>; maxFileSize: number };
const rules = activeRules(settings);

parentPort!.on('message', async (batch: { id: number; files: string[] }) => {
  const results = [];
  for (const file of batch.files) {
    const source = await readSource(root, file, maxFileSize);
    results.push(source.kind === 'text' ? { file, result: analyzeFile(file, source.text, rules) } : { file, skipped: source.skipped });
  }
  parentPort!.postMessage({ id: batch.id, results });
});
