/**
 * One taint rule per class: the rule reports the flows of its class that the shared per-file
 * pass found (the pass runs once per file, whichever taint rules are on). Cross-file flows
 * are reported by the link phase (link.ts) under the same rule ids.
 */
import type { RuleMeta } from '@rampart/core';
import type { JsRule, Samples } from '../rules/types.js';
import type { TaintClass } from './classes.js';
import { taintOf, type ProjectFileReader } from './engine.js';
import type { TaintTables } from './tables.js';
import { traceOf } from './trace.js';

export type TaintRuleMeta = Omit<RuleMeta, 'id'> & { readonly id: TaintClass };

export function taintRule(meta: TaintRuleMeta, samples: Samples): JsRule {
  return {
    kind: 'js',
    meta,
    samples,
    create(context) {
      return {
        'Program:exit'() {
          const tables = context.settings?.taint as TaintTables | undefined;
          const readFile = context.settings?.taintFiles as ProjectFileReader | undefined;
          const result = taintOf(context.sourceCode, context.filename, tables, readFile, context.settings?.taintDeferExports === true);
          for (const f of result.findings) {
            if (f.cls !== meta.id) continue;
            context.report({ node: f.node, message: f.sink.message, confidence: f.sink.confidence, trace: traceOf(f.source, f.steps, f.sink), span: f.sink.step });
          }
        },
      };
    },
  };
}
