/**
 * The link phase, in the main process: resolves the imports between file summaries (ES
 * modules and CommonJS, relative specifiers) and reports the flows that cross files: input
 * passed to another file's function that reaches a sink there, and another file's return
 * value (a source, or a parameter) reaching a sink here. Exported summaries grow as calls
 * are resolved (a wrapper of a wrapper), so it iterates to a fixpoint, with a bound.
 */
import type { FindingInput, RuleMeta, Severity } from '@rampart/core';
import { posix } from 'node:path';
import { blockedAt, classBit, type TaintClass } from './classes.js';
import { APP_LOCALS_SPEC, mergeFlows } from './engine.js';
import type { PathAliases } from './aliases.js';
import { exportAt, specifierCandidates } from './modules.js';
import type { CallRecord, ConstantNeed, ExportedConstant, FileSummary, Flow, ParamSink, SinkSite } from './summary.js';
import { findBacktracking } from '../rules/lint/unsafe-regex.js';

interface WorkingExport {
  readonly fn: number;
  readonly retObject?: boolean;
  ret: Flow[];
  /** Flows of each field of the object literals it returns (see ExportSummary.retFields). */
  readonly retFields?: Record<string, Flow[]>;
  readonly sinks: ParamSink[];
}
import { traceOf } from './trace.js';
import { engineOf, unescapedNames } from './templates.js';

const MAX_ROUNDS = 6;
const MAX_STEPS = 16;

export interface LinkOptions {
  /** Metadata of the active taint rules, by class; a class missing here is off. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly severity: ReadonlyMap<string, Severity>;
  /** The project's tsconfig/jsconfig path aliases, for imports that are not relative. */
  readonly aliases?: PathAliases;
  /** Reads a view rendered by `res.render(view)` from `fromFile` (its text and extension), if it exists. */
  readonly readView?: (fromFile: string, view: string) => { text: string; extension: string } | undefined;
  /** The whole summary of a partial one (FileSummary.partial), read again with its exported functions. */
  readonly complete?: (file: string) => FileSummary | undefined;
}

export interface LinkResult {
  readonly findings: FindingInput[];
  readonly suppressed: number;
}

/** The file a project specifier names among the scanned files: relative, or through the project's path aliases. */
export function resolveSpecifier(from: string, spec: string, files: ReadonlySet<string>, aliases?: PathAliases): string | undefined {
  const found = specifierCandidates(from, spec, aliases).find((c) => files.has(c));
  if (found || !(spec.startsWith('@/') || spec.startsWith('~/'))) return found;
  return resolveAlias(from, spec, files);
}

/** The flows a call passes as argument i, or only as its field `fld` when the argument was an object literal. */
function argFlows(rec: CallRecord, i: number, fld: string | undefined): readonly Flow[] {
  const fields = fld === undefined ? undefined : rec.argFields?.[i];
  return fields ? (fields[fld!] ?? []) : (rec.args[i] ?? []);
}

/**
 * `@/lib/stores` (a Next.js or Nuxt path alias) that no tsconfig or jsconfig read declares: the
 * project root it stands for is the nearest folder above the importing file holding `lib/stores`
 * (or `src/lib/stores`), as `"@/*": ["./*"]` or `["./src/*"]` in a tsconfig would say.
 */
function resolveAlias(from: string, spec: string, files: ReadonlySet<string>): string | undefined {
  const rest = spec.slice(2);
  for (let dir = posix.dirname(from); ; dir = posix.dirname(dir)) {
    const base = dir === '.' || dir === '' ? '.' : dir;
    for (const root of [base, posix.join(base, 'src')]) {
      const found = resolveSpecifier(posix.join(root, '_'), `./${rest}`, files);
      if (found) return found;
    }
    if (dir === '.' || dir === '/' || dir === '') return undefined;
  }
}

function cap<T>(steps: T[]): T[] {
  return steps.length <= MAX_STEPS ? steps : [...steps.slice(0, MAX_STEPS / 2), ...steps.slice(steps.length - MAX_STEPS / 2)];
}

/**
 * Files joined by relative imports (either way) are one app (union-find over the import edges),
 * and the objects each app stores on app.locals (a tree may hold several apps).
 */
function appIndex(summaries: readonly FileSummary[], files: ReadonlySet<string>, aliases: PathAliases | undefined) {
  const parent = new Map<string, string>();
  const appOf = (f: string): string => {
    let r = f;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    if (r !== f) parent.set(f, r);
    return r;
  };
  for (const s of summaries) {
    for (const spec of [...(s.imports ?? []), ...s.calls.map((c) => c.spec)]) {
      const target = resolveSpecifier(s.file, spec, files, aliases);
      if (!target) continue;
      const a = appOf(s.file);
      const b = appOf(target);
      if (a !== b) parent.set(a, b);
    }
  }
  /** What a file of `file`'s app stored as app.locals[name], else what any app did. */
  const localsOf = (file: string, name: string | undefined): { file: string; spec: string; path: readonly string[] } | undefined => {
    if (name === undefined) return undefined;
    let any: { file: string; spec: string; path: readonly string[] } | undefined;
    for (const s of summaries) {
      const entry = s.appLocals?.[name];
      if (!entry) continue;
      const found = { file: s.file, spec: entry.spec, path: entry.path };
      if (appOf(s.file) === appOf(file)) return found;
      any ??= found;
    }
    return any;
  };
  return { appOf, localsOf };
}

/** The indexes of the calls whose results (k 'r' flows) a summary uses anywhere. */
function usedResults(s: FileSummary): Set<number> {
  const used = new Set<number>();
  const add = (flows: readonly Flow[] | undefined): void => {
    for (const f of flows ?? []) if (f.o.k === 'r') used.add(f.o.c);
  };
  for (const d of s.deferred) add([d.flow]);
  for (const r of s.renders) for (const flows of Object.values(r.fields)) add(flows);
  for (const flows of Object.values(s.requestFields)) add(flows);
  for (const e of Object.values(s.exports)) {
    add(e.ret);
    for (const flows of Object.values(e.retFields ?? {})) add(flows);
  }
  for (const c of s.calls) {
    for (const a of c.args) add(a);
    for (const fields of c.argFields ?? []) for (const flows of Object.values(fields ?? {})) add(flows);
  }
  return used;
}

/**
 * Completes the partial summaries (files whose exported functions the first pass left unread)
 * that some flow reaches: a call passing anything but constants, or a call whose result is used.
 * A completed summary's own calls may reach further partial files, so this runs to a fixpoint.
 */
function completeDemanded(input: readonly FileSummary[], options: LinkOptions): FileSummary[] {
  const byFile = new Map(input.map((s) => [s.file, s]));
  const files = new Set(byFile.keys());
  const { localsOf } = appIndex(input, files, options.aliases);
  // Each file's exports as a map, made once (and again when its summary is completed).
  const exportMaps = new Map<string, Map<string, unknown>>();
  const exportsOf = (file: string): Map<string, unknown> => {
    let m = exportMaps.get(file);
    if (!m) exportMaps.set(file, (m = new Map(Object.entries(byFile.get(file)?.exports ?? {}))));
    return m;
  };
  /** The file defining what `spec` exports under `path` from `file`: through barrels and app.locals. */
  const definingFile = (file: string, spec: string, path: readonly string[], depth = 0): string | undefined => {
    if (depth > 8) return undefined;
    if (spec === APP_LOCALS_SPEC) {
      const stored = localsOf(file, path[0]);
      return stored && definingFile(stored.file, stored.spec, [...stored.path, ...path.slice(1)], depth + 1);
    }
    const target = resolveSpecifier(file, spec, files, options.aliases);
    if (!target) return undefined;
    if (path.length === 0 || exportAt(exportsOf(target), path) !== undefined) return target;
    for (const r of byFile.get(target)?.reexports ?? []) {
      const name = r.names ? r.names[path[0]] : path[0];
      if (name === undefined || name === '*') continue;
      const found = definingFile(target, r.spec, [name, ...path.slice(1)], depth + 1);
      if (found) return found;
    }
    return target;
  };
  const queue = [...input];
  while (queue.length > 0) {
    const s = queue.pop()!;
    const used = usedResults(s);
    s.calls.forEach((rec, c) => {
      const passes = rec.args.some((a) => a.length > 0) || (rec.argFields ?? []).some((f) => f && Object.values(f).some((flows) => flows.length > 0));
      if (!passes && !used.has(c)) return;
      const target = definingFile(s.file, rec.spec, rec.path);
      const partial = target ? byFile.get(target) : undefined;
      if (!partial?.partial) return;
      const full = options.complete!(partial.file) ?? { ...partial, partial: false };
      byFile.set(partial.file, full);
      exportMaps.delete(partial.file);
      queue.push(full);
    });
  }
  return input.map((s) => byFile.get(s.file)!);
}

export function linkTaint(input: readonly FileSummary[], options: LinkOptions): LinkResult {
  const summaries = options.complete ? completeDemanded(input, options) : input;
  const byFile = new Map(summaries.map((s) => [s.file, s]));
  const files = new Set(byFile.keys());
  // Working copies: exported summaries grow as cross-file sinks are found.
  const exportsOf = new Map<string, Map<string, WorkingExport>>();
  for (const s of summaries) {
    const m = new Map<string, WorkingExport>();
    for (const [k, v] of Object.entries(s.exports)) m.set(k, { fn: v.fn, retObject: v.retObject, ret: [...v.ret], ...(v.retFields ? { retFields: v.retFields } : {}), sinks: [...v.sinks] });
    exportsOf.set(s.file, m);
  }
  /**
   * What `lookup` finds under `path` in the module `spec` names from `file`, or in the modules it
   * re-exports from (barrels: index.mjs re-exports from the files that define things).
   */
  const viaBarrels = <T>(file: string, spec: string, path: readonly string[], lookup: (target: string, path: readonly string[]) => T | undefined, depth = 0): T | undefined => {
    const target = resolveSpecifier(file, spec, files, options.aliases);
    if (!target) return undefined;
    const found = lookup(target, path);
    if (found !== undefined || depth >= 8 || path.length === 0) return found;
    for (const r of byFile.get(target)?.reexports ?? []) {
      const name = r.names ? r.names[path[0]] : path[0];
      if (name === undefined || name === '*') continue;
      const next = viaBarrels(target, r.spec, [name, ...path.slice(1)], lookup, depth + 1);
      if (next !== undefined) return next;
    }
    return undefined;
  };
  const targetOf = (file: string, spec: string, path: readonly string[], depth = 0): { file: string; exp: WorkingExport } | undefined => {
    // req.app.locals.invoices.listOpen(): the class of what a file of this app stored as app.locals.invoices.
    if (spec === APP_LOCALS_SPEC) {
      const stored = localsOf(file, path[0]);
      return stored && depth < 8 ? targetOf(stored.file, stored.spec, [...stored.path, ...path.slice(1)], depth + 1) : undefined;
    }
    return viaBarrels(file, spec, path, (target, p) => {
      const exp = exportAt(exportsOf.get(target)!, p);
      return exp && { file: target, exp };
    });
  };

  /** The constant a module exports under `path`, through barrels. */
  const constantOf = (file: string, spec: string, path: readonly string[]): ExportedConstant | undefined =>
    viaBarrels(file, spec, path, (target, p) => (p.length === 0 ? undefined : byFile.get(target)?.constants?.[p.join('.')]));
  const constantHolds = (file: string, needs: ConstantNeed): boolean => {
    const c = constantOf(file, needs.spec, needs.path);
    if (needs.test === 'backtracks') return !!c?.regex && !!findBacktracking(c.regex.pattern, c.regex.flags);
    return c?.fields?.noent === 'true' || c?.fields?.replaceEntities === 'true';
  };

  const { appOf, localsOf } = appIndex(summaries, files, options.aliases);
  // Request fields set from input by a middleware (req.tenant = req.get('x-tenant')): those of the
  // reading file's own app when it sets the field (two apps in one tree do not mix), else any.
  const requestFields = new Map<string, Flow[]>();
  const appFields = new Map<string, Map<string, Flow[]>>();
  for (const s of summaries) {
    for (const [k, flows] of Object.entries(s.requestFields ?? {})) {
      requestFields.set(k, mergeFlows([requestFields.get(k) ?? [], flows]));
      const app = appOf(s.file);
      const m = appFields.get(app) ?? new Map<string, Flow[]>();
      m.set(k, mergeFlows([m.get(k) ?? [], flows]));
      appFields.set(app, m);
    }
  }
  const fieldFlows = (file: string, name: string): Flow[] => appFields.get(appOf(file))?.get(name) ?? requestFields.get(name) ?? [];
  const findings = new Map<string, FindingInput>();
  let suppressed = 0;
  const suppressedKeys = new Set<string>();
  const resolved = new Map<string, Flow[][]>();
  for (const s of summaries) resolved.set(s.file, s.calls.map(() => []));
  // The same per field of the object the callee returns, where its summary keeps fields.
  const resolvedFields = new Map<string, Map<string, Flow[]>[]>();
  for (const s of summaries) resolvedFields.set(s.file, s.calls.map(() => new Map()));
  /** What call `c` of `file` returns, or only its field `fld` when the callee's returned objects say what that field holds. */
  const resultOf = (file: string, c: number, fld: string | undefined): readonly Flow[] =>
    (fld !== undefined ? resolvedFields.get(file)?.[c]?.get(fld) : undefined) ?? resolved.get(file)?.[c] ?? [];
  let changed = true;

  const report = (flow: Flow, cls: TaintClass, sink: SinkSite): void => {
    if (flow.o.k !== 's') return;
    const meta = options.rules.get(cls);
    if (!meta) return;
    const key = `${cls}|${sink.step.file}|${sink.step.line}|${sink.step.column}`;
    if (findings.has(key) || suppressedKeys.has(key)) return;
    const ignores = byFile.get(sink.step.file)?.ignores ?? [];
    if (ignores.some(([line, ids]) => line === sink.step.line - 1 && ids.includes(cls))) {
      suppressedKeys.add(key);
      suppressed++;
      return;
    }
    const src = flow.o.src;
    findings.set(key, {
      ruleId: cls,
      practice: meta.practice,
      cwe: meta.cwe,
      severity: options.severity.get(cls) ?? meta.severity,
      confidence: src.confidence === 'high' ? sink.confidence : src.confidence,
      message: sink.message,
      file: sink.step.file,
      line: sink.step.line,
      column: sink.step.column,
      endLine: sink.step.endLine,
      endColumn: sink.step.endColumn,
      snippet: sink.snippet,
      fix: meta.fix,
      trace: traceOf(src, flow.t, sink),
    });
  };

  /** A flow of `file` reaching a sink: a finding, or a new sink of the exported function whose parameter it is. */
  const reach = (file: string, flow: Flow, cls: TaintClass, sink: SinkSite): void => {
    if (blockedAt(flow.m, cls, sink.broadcast)) return;
    if (flow.o.k === 's') return report(flow, cls, sink);
    if (flow.o.k === 'f') {
      for (const sf of fieldFlows(file, flow.o.name)) reach(file, { o: sf.o, m: sf.m | flow.m, t: cap([...sf.t, ...flow.t]) }, cls, sink);
      return;
    }
    if (flow.o.k !== 'p') return;
    const origin = flow.o;
    for (const exp of exportsOf.get(file)!.values()) {
      if (exp.fn !== origin.f) continue;
      const dup = exp.sinks.some((ps) => ps.i === origin.i && ps.fld === origin.fld && ps.cls === cls && ps.sink.step.file === sink.step.file && ps.sink.step.line === sink.step.line && ps.sink.step.column === sink.step.column);
      if (dup || exp.sinks.length >= 64) continue;
      const ps: ParamSink = { i: origin.i, ...(origin.fld === undefined ? {} : { fld: origin.fld }), cls, m: flow.m, t: flow.t, sink };
      exp.sinks.push(ps);
      changed = true;
    }
  };

  for (let round = 0; round < MAX_ROUNDS && changed; round++) {
    changed = false;
    for (const s of summaries) {
      const res = resolved.get(s.file)!;
      s.calls.forEach((rec, c) => {
        const target = targetOf(s.file, rec.spec, rec.path);
        if (!target) return;
        const { exp } = target;
        for (const ps of exp.sinks) {
          for (const f of argFlows(rec, ps.i, ps.fld)) {
            reach(s.file, { o: f.o, m: f.m | ps.m, t: cap([...f.t, rec.step, ...ps.t]) }, ps.cls, ps.sink);
          }
        }
        const resolveInto = (flows: readonly Flow[]): Flow[] => {
          const out: Flow[] = [];
          const substitute = (rf: Flow): void => {
            if (rf.o.k === 'p') {
              if (rf.o.f !== exp.fn) return;
              for (const af of argFlows(rec, rf.o.i, rf.o.fld)) out.push({ o: af.o, m: af.m | rf.m, t: cap([...af.t, rec.step, ...rf.t]) });
            } else if (rf.o.k === 's') {
              out.push({ ...rf, t: cap([...rf.t, rec.step]) });
            }
          };
          for (const rf of flows) {
            if (rf.o.k === 'r') {
              for (const inner of resultOf(target.file, rf.o.c, rf.o.fld)) substitute({ o: inner.o, m: inner.m | rf.m, t: [...inner.t, ...rf.t] });
            } else substitute(rf);
          }
          return out;
        };
        const merged = mergeFlows([res[c], resolveInto(exp.ret)]);
        if (merged.length > res[c].length) {
          res[c] = merged;
          changed = true;
        }
        const fieldsHere = resolvedFields.get(s.file)![c];
        for (const [fld, flows] of Object.entries(exp.retFields ?? {})) {
          const before = fieldsHere.get(fld) ?? [];
          const grown = mergeFlows([before, resolveInto(flows)]);
          if (grown.length > before.length || !fieldsHere.has(fld)) {
            if (grown.length > before.length) changed = true;
            fieldsHere.set(fld, grown);
          }
        }
      });
      for (const d of s.deferred) {
        if (d.needs) {
          // A sink that holds only if an imported constant is what it needs (a backtracking regex, noent options).
          if (round > 0 || !constantHolds(s.file, d.needs)) continue;
          if (d.flow.o.k === 's' || d.flow.o.k === 'p' || d.flow.o.k === 'f') {
            reach(s.file, d.flow, d.cls, d.sink);
            continue;
          }
        }
        if (d.flow.o.k === 'f') {
          if (round === 0) reach(s.file, d.flow, d.cls, d.sink);
          continue;
        }
        if (d.flow.o.k !== 'r') continue;
        // An object returned by another file's function is sent as JSON, not HTML, unless the caller
        // made text of it (`parts.join('')`, String(), a template): every string conversion marks the
        // flow as no longer an object (the NoSQL bit).
        if (d.cls === 'xss' && !(d.flow.m & classBit('nosql-injection'))) {
          const rec = s.calls[d.flow.o.c];
          if (rec && targetOf(s.file, rec.spec, rec.path)?.exp.retObject) continue;
        }
        for (const rf of resultOf(s.file, d.flow.o.c, d.flow.o.fld)) reach(s.file, { o: rf.o, m: rf.m | d.flow.m, t: cap([...rf.t, ...d.flow.t]) }, d.cls, d.sink);
      }
      // An exported function returning another file's value: its own return grows too.
      for (const exp of exportsOf.get(s.file)!.values()) {
        const add: Flow[] = [];
        for (const rf of exp.ret) {
          if (rf.o.k !== 'r') continue;
          for (const inner of resultOf(s.file, rf.o.c, rf.o.fld)) if (inner.o.k === 's' || (inner.o.k === 'p' && inner.o.f === exp.fn)) add.push({ o: inner.o, m: inner.m | rf.m, t: [...inner.t, ...rf.t] });
        }
        if (add.length > 0) {
          const merged = mergeFlows([exp.ret, add]);
          if (merged.length > exp.ret.length) {
            exp.ret = merged;
            changed = true;
          }
        }
      }
    }
  }
  // res.render('view', { name: input }) where the view prints `name` unescaped.
  if (options.readView) {
    for (const s of summaries) {
      for (const r of s.renders ?? []) {
        const view = options.readView(s.file, r.view);
        const engine = view ? engineOf(view.extension) : undefined;
        if (!view || !engine) continue;
        for (const name of unescapedNames(engine, view.text)) {
          for (const f of r.fields[name] ?? []) report({ ...f, t: cap([...f.t]) }, 'xss', { ...r.site, message: `${r.site.message} (\`${name}\` in ${r.view}.${view.extension})` });
        }
      }
    }
  }
  return { findings: [...findings.values()], suppressed };
}
