import type { Trace } from '@rampart/core';
import type { SinkSite, SourceRef, Step } from './summary.js';

/** The core Trace of a flow: its source, each step (file:line), and the sink. */
export function traceOf(source: SourceRef, steps: readonly Step[], sink: SinkSite): Trace {
  // Steps that repeat the source or the sink line add nothing to read.
  const kept: Step[] = [];
  for (const s of steps) {
    const prev = kept[kept.length - 1] ?? source.step;
    if (prev.file === s.file && prev.line === s.line && prev.label === s.label) continue;
    kept.push(s);
  }
  return { source: source.step, steps: kept, sink: sink.step };
}
