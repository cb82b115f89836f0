import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  VERSION,
  compareFindings,
  summarize,
  withFingerprints,
  type DependencyUpgrade,
  type FailOn,
  type FindingInput,
  type Report,
  type ScanWarning,
  severityRank,
} from '@rampart/core';
import { analyzeGraph } from './graph.js';
import { IGNORE_FILE, isExpired, readIgnoreFile, type IgnoreEntry } from './ignore.js';
import { displayName, findLockfiles, parseLockfile } from './lockfile/index.js';
import { LockfileError, lineOfAnchor, lineTextAt, type LockGraph } from './model.js';
import { defaultCacheDir, openDatabase, type OpenedDatabase } from './osv/database.js';
import { matchAdvisory, parseVersion, versionCompare, versionGt, type CompactAdvisory } from './osv/match.js';
import { DEFAULT_DEPENDENCY_CWE, VULNERABLE_DEPENDENCY } from './rule.js';

/** Every option of `auditDependencies`, with its default. */
export const DEPS_DEFAULTS = Object.freeze({
  /** Advisory database: undefined = the downloaded one, else the shipped snapshot. */
  db: undefined as string | undefined,
  /** Cache folder (downloaded database, --db indexes); undefined = $RAMPART_CACHE_DIR, $XDG_CACHE_HOME/rampart or ~/.cache/rampart. */
  cacheDir: undefined as string | undefined,
  /** Leave out packages installed only for development. */
  prod: false,
  /** Ignore file; undefined = rampart-ignore.json in the project folder, when present. */
  ignoreFile: undefined as string | undefined,
  /** Default --fail-on of `rampart deps`. */
  failOn: 'high' as FailOn,
});

export interface DepsOptions {
  readonly db?: string;
  readonly cacheDir?: string;
  readonly prod?: boolean;
  readonly ignoreFile?: string;
  /** The date ignore entries are checked against (tests). */
  readonly now?: Date;
}

export interface LockfileSummary {
  readonly file: string;
  readonly format: string;
  readonly packages: number;
  readonly notAuditable: number;
  readonly notes: readonly string[];
}

/** A planned fix: an upgrade of a direct dependency, or an override of a transitive one. */
export interface PlannedFix {
  readonly kind: 'upgrade' | 'override';
  readonly lockfile: string;
  readonly format: LockGraph['format'];
  /** Workspace folder of a direct dependency ("" = root). */
  readonly importer: string;
  readonly package: string;
  readonly from: string;
  readonly to: string;
  readonly advisories: readonly string[];
  /**
   * The key of an override when several majors of the package need different targets, e.g.
   * "ws@4" and "ws@8" (a plain "ws" would force one version on both); else the package name.
   */
  readonly selector?: string;
}

export interface DepsReport extends Report {
  readonly config: { readonly failOn: FailOn };
  readonly lockfiles: readonly LockfileSummary[];
  readonly database: { readonly kind: OpenedDatabase['kind']; readonly description: string; readonly advisories: number; readonly newestModified: string; readonly fetchedAt?: string; readonly built: boolean };
  readonly fixes: readonly PlannedFix[];
  /** Vulnerabilities without any fixed version: only removal or an ignore entry helps. */
  readonly unfixable: readonly { readonly package: string; readonly version: string; readonly advisoryId: string }[];
  readonly ignored: number;
  readonly devSkipped: number;
}

/** Advisories describing the same vulnerability (shared id or alias) become one finding. */
function mergeByAlias(matched: { adv: CompactAdvisory; fixed?: string }[]): { advs: CompactAdvisory[]; fixed?: string; noFix: boolean }[] {
  const groups: { keys: Set<string>; advs: CompactAdvisory[]; fixes: (string | undefined)[] }[] = [];
  for (const m of matched) {
    const keys = [m.adv.id, ...m.adv.aliases];
    const hits = groups.filter((g) => keys.some((k) => g.keys.has(k)));
    const target = hits[0] ?? { keys: new Set<string>(), advs: [], fixes: [] };
    if (!hits[0]) groups.push(target);
    for (const other of hits.slice(1)) {
      for (const k of other.keys) target.keys.add(k);
      target.advs.push(...other.advs);
      target.fixes.push(...other.fixes);
      groups.splice(groups.indexOf(other), 1);
    }
    for (const k of keys) target.keys.add(k);
    target.advs.push(m.adv);
    target.fixes.push(m.fixed);
  }
  return groups.map((g) => {
    const known = g.fixes.filter((f): f is string => !!f);
    // Every merged advisory must be fixed: the highest of their fixed versions removes them all.
    const fixed = known.length > 0 ? known.reduce((a, b) => (versionGt(b, a) ? b : a)) : undefined;
    return { advs: g.advs, ...(fixed ? { fixed } : {}), noFix: g.fixes.some((f) => !f) };
  });
}

// A newer copy's tree is searched this far, so that a huge lockfile stays fast.
const MAX_UPGRADE_SEARCH = 5000;

/**
 * The smallest newer version of `direct` present in the lockfile whose own dependency tree
 * holds no copy of `pkg` that the advisories affect: the data proves that upgrading `direct`
 * to it removes the vulnerability. Undefined when the lockfile holds no such copy.
 */
function provenUpgrade(graph: LockGraph, byName: ReadonlyMap<string, readonly number[]>, direct: LockGraph['nodes'][number], pkg: string, advs: readonly CompactAdvisory[]): DependencyUpgrade | undefined {
  if (!parseVersion(direct.version)) return undefined;
  const candidates = (byName.get(direct.name) ?? [])
    .map((i) => [graph.nodes[i]!, i] as const)
    .filter(([n]) => n.source === 'registry' && parseVersion(n.version) && versionGt(n.version, direct.version))
    .sort((a, b) => versionCompare(a[0].version, b[0].version));
  for (const [candidate, start] of candidates) {
    const seen = new Set<number>([start]);
    const queue = [start];
    let clean = true;
    for (let q = 0; q < queue.length && clean; q++) {
      if (seen.size > MAX_UPGRADE_SEARCH) {
        clean = false;
        break;
      }
      const n = graph.nodes[queue[q]!]!;
      if (n.name === pkg && (!parseVersion(n.version) || advs.some((a) => matchAdvisory(a, n.version).affected))) clean = false;
      for (const e of n.deps) {
        if (!seen.has(e.to)) {
          seen.add(e.to);
          queue.push(e.to);
        }
      }
    }
    if (clean) return { package: direct.name, from: direct.version, to: candidate.version };
  }
  return undefined;
}

/** GitHub's ids first (the most widely linked), then the oldest-looking id. */
function primaryOf(advs: readonly CompactAdvisory[]): CompactAdvisory {
  return [...advs].sort((a, b) => Number(b.id.startsWith('GHSA-')) - Number(a.id.startsWith('GHSA-')) || (a.id < b.id ? -1 : 1))[0]!;
}

function worst(advs: readonly CompactAdvisory[]): CompactAdvisory {
  return advs.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) || (b.severity === a.severity && (b.score ?? 0) > (a.score ?? 0)) ? b : a));
}

function overrideRange(from: string, to: string): string {
  const a = parseVersion(from);
  const b = parseVersion(to);
  return a && b && a.major === b.major ? `^${to}` : to;
}

/**
 * Audits every lockfile of a project (or one lockfile) against the OSV advisory database,
 * offline. Findings use the common model (practice 4), so every reporter works.
 */
export async function auditDependencies(target: string, options: DepsOptions = {}): Promise<DepsReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const { root, files } = findLockfiles(resolve(target));
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const graphs = files.map((f) => {
    const shown = displayName(root, f);
    try {
      return parseLockfile(f, shown, { cacheDir });
    } catch (err) {
      // Reports name files relative to the project; an error names the file as the user can open it.
      if (err instanceof LockfileError && err.message.startsWith(shown)) {
        const rel = relative(process.cwd(), f);
        throw new LockfileError(`${rel === '' || rel.startsWith('..') || isAbsolute(rel) ? f : rel}${err.message.slice(shown.length)}`);
      }
      throw err;
    }
  });
  const db = await openDatabase({ db: options.db, cacheDir });

  const names = new Set<string>();
  for (const g of graphs) for (const n of g.nodes) if (n.source === 'registry') names.add(n.name);
  const advisories = db.index.lookup(names);

  const ignoreFile = options.ignoreFile ?? join(root, IGNORE_FILE);
  const ignores = readIgnoreFile(ignoreFile, options.ignoreFile !== undefined);
  const usedIgnores = new Set<IgnoreEntry>();
  const ignoreDisplay = options.ignoreFile ?? IGNORE_FILE;
  const warnings: ScanWarning[] = [];
  for (const e of ignores) {
    if (isExpired(e, now)) warnings.push({ kind: 'config', file: ignoreDisplay, message: `the ignore entry for ${e.id}${e.package ? ` (${e.package})` : ''} expired on ${e.expires}: its findings are reported again` });
  }
  const activeIgnores = ignores.filter((e) => !isExpired(e, now));

  const findings: FindingInput[] = [];
  const fixes: PlannedFix[] = [];
  const unfixable: DepsReport['unfixable'][number][] = [];
  const lockfiles: LockfileSummary[] = [];
  let ignored = 0;
  let devSkipped = 0;

  for (const graph of graphs) {
    const { facts, paths } = analyzeGraph(graph);
    // Every copy of each package, built on first need (only transitive findings ask).
    let copies: Map<string, number[]> | undefined;
    const copiesByName = (): Map<string, number[]> => {
      if (!copies) {
        copies = new Map();
        graph.nodes.forEach((n, i) => {
          const list = copies!.get(n.name);
          if (list) list.push(i);
          else copies!.set(n.name, [i]);
        });
      }
      return copies;
    };
    let notAuditable = 0;
    const reportedSources = new Set<string>();
    // One finding per package version and vulnerability, whatever the number of copies.
    const byKey = new Map<string, { nodes: number[]; advs: CompactAdvisory[]; fixed?: string; noFix: boolean }>();
    graph.nodes.forEach((node, i) => {
      if (node.source !== 'registry') {
        if (node.source === 'workspace') return;
        notAuditable++;
        const label = `${node.alias ?? node.name}\u0000${node.sourceDetail ?? ''}`;
        if (reportedSources.has(label)) return;
        reportedSources.add(label);
        warnings.push({
          kind: 'not-auditable',
          file: graph.file,
          line: lineOfAnchor(graph.text, node.anchor),
          message: `${node.alias ?? node.name} comes from a ${node.source} source (${node.sourceDetail ?? 'unknown'}), which no advisory database covers: it was not audited`,
        });
        return;
      }
      if (options.prod && facts[i]!.dev) {
        devSkipped++;
        return;
      }
      const list = advisories.get(node.name);
      if (!list) return;
      if (!parseVersion(node.version)) {
        notAuditable++;
        warnings.push({ kind: 'not-auditable', file: graph.file, line: lineOfAnchor(graph.text, node.anchor), message: `${node.name}@${node.version}: not a semver version, so it cannot be matched against advisories` });
        return;
      }
      const matched: { adv: CompactAdvisory; fixed?: string }[] = [];
      for (const adv of list) {
        const m = matchAdvisory(adv, node.version);
        if (m.affected) matched.push({ adv, ...(m.fixed ? { fixed: m.fixed } : {}) });
      }
      for (const group of mergeByAlias(matched)) {
        const key = `${node.name}@${node.version}\u0000${primaryOf(group.advs).id}`;
        const existing = byKey.get(key);
        if (existing) existing.nodes.push(i);
        else byKey.set(key, { nodes: [i], ...group });
      }
    });

    for (const { nodes, advs, fixed, noFix } of byKey.values()) {
      const node = graph.nodes[nodes[0]!]!;
      const primary = primaryOf(advs);
      const aliases = [...new Set(advs.flatMap((a) => [a.id, ...a.aliases]))].filter((a) => a !== primary.id).sort();
      const ids = [primary.id, ...aliases];
      const ignoredBy = activeIgnores.find((e) => ids.includes(e.id) && (!e.package || e.package === node.name));
      if (ignoredBy) {
        usedIgnores.add(ignoredBy);
        ignored++;
        continue;
      }
      const rated = worst(advs);
      const devOnly = nodes.every((i) => facts[i]!.dev);
      const pathList: string[] = [];
      let direct = false;
      for (const i of nodes) {
        if (facts[i]!.depth === 1) direct = true;
        for (const p of paths(i)) {
          if (pathList.length >= 5) break;
          const importer = graph.importers[p.importer]!;
          const chain = p.nodes.map((n) => graph.nodes[n]!.alias ?? graph.nodes[n]!.name).join(' > ');
          pathList.push(importer.path ? `${importer.path}: ${chain}` : chain);
        }
      }
      const firstPath = nodes.flatMap((i) => paths(i))[0];
      const directNode = firstPath ? graph.nodes[firstPath.nodes[0]!]! : undefined;
      const directName = directNode?.name;
      // A transitive package: the lockfile itself may hold a newer copy of the direct
      // dependency (another workspace, another major) whose own tree is free of the advisory.
      const viaDirect = !direct && directNode && firstPath!.nodes.length > 1 ? provenUpgrade(graph, copiesByName(), directNode, node.name, advs) : undefined;
      const upgrade: DependencyUpgrade | undefined = direct && fixed && !noFix ? { package: node.name, from: node.version, to: fixed } : viaDirect;
      let fix: string;
      if (viaDirect) {
        fix = `Upgrade ${viaDirect.package} from ${viaDirect.from} to ${viaDirect.to} or later: that release (already in this lockfile) no longer brings a vulnerable ${node.name}.`;
      } else if (!fixed || noFix) {
        fix = `No fixed version of ${node.name} is known${directName && directName !== node.name ? ` (it comes through ${directName})` : ''}: remove or replace it, or record why it does not apply in ${IGNORE_FILE} with an expiry date.`;
        unfixable.push({ package: node.name, version: node.version, advisoryId: primary.id });
      } else if (upgrade) {
        fix = `Upgrade ${node.name} from ${node.version} to ${fixed} or later.`;
      } else {
        fix = `Upgrade ${node.name} to ${fixed} or later: update ${directName ?? 'the dependency that brings it'} to a release that depends on it, or force it with an override ("${node.name}": "${overrideRange(node.version, fixed)}").`;
      }
      const importerPath = firstPath ? graph.importers[firstPath.importer]!.path : '';
      if (viaDirect) {
        fixes.push({ kind: 'upgrade', lockfile: graph.file, format: graph.format, importer: importerPath, package: viaDirect.package, from: viaDirect.from, to: viaDirect.to, advisories: [primary.id] });
      } else if (fixed && !noFix) {
        fixes.push({ kind: upgrade ? 'upgrade' : 'override', lockfile: graph.file, format: graph.format, importer: importerPath, package: node.name, from: node.version, to: upgrade ? fixed : overrideRange(node.version, fixed), advisories: [primary.id] });
      }
      const line = lineOfAnchor(graph.text, node.anchor);
      const text = lineTextAt(graph.text, line);
      const column = text.length - text.trimStart().length + 1;
      findings.push({
        ruleId: VULNERABLE_DEPENDENCY.id,
        practice: 4,
        cwe: primary.cwe[0] ?? rated.cwe[0] ?? DEFAULT_DEPENDENCY_CWE,
        severity: rated.severity,
        confidence: 'high',
        message: `${node.name}@${node.version}${devOnly ? ' (dev)' : ''}: ${primary.summary.trim()} (${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', ...' : ''})${fixed && !noFix ? `; fixed in ${fixed}` : '; no fixed version'}`,
        file: graph.file,
        line,
        column,
        endLine: line,
        endColumn: text.length + 1,
        snippet: text.trim().slice(0, 200),
        fix,
        package: node.name,
        version: node.version,
        advisoryId: primary.id,
        aliases,
        dependency: {
          summary: primary.summary.trim(),
          ...(rated.score !== undefined ? { score: rated.score } : {}),
          ...(rated.vector ? { cvss: rated.vector } : {}),
          ...(fixed && !noFix ? { fixedVersion: fixed } : {}),
          ...(upgrade ? { upgrade } : {}),
          paths: pathList,
          devOnly,
          url: primary.url,
        },
      });
    }
    lockfiles.push({ file: graph.file, format: `${graph.format} (${graph.formatVersion})`, packages: graph.nodes.length, notAuditable, notes: graph.notes });
    for (const note of graph.notes) warnings.push({ kind: 'config', file: graph.file, message: note.startsWith(`${graph.file}: `) ? note.slice(graph.file.length + 2) : note });
  }
  for (const e of activeIgnores) {
    if (!usedIgnores.has(e)) warnings.push({ kind: 'config', file: ignoreDisplay, message: `the ignore entry for ${e.id}${e.package ? ` (${e.package})` : ''} matches no finding: remove it` });
  }

  const all = withFingerprints(findings.sort(compareFindings));
  const meta = db.index.meta;
  return {
    tool: { name: 'rampart', version: VERSION },
    root,
    findings: all,
    rules: [VULNERABLE_DEPENDENCY],
    skipped: [],
    warnings,
    summary: summarize(all, { filesScanned: graphs.length, filesSkipped: 0, baselined: 0, suppressed: ignored, durationMs: Math.round(performance.now() - started) }),
    config: { failOn: DEPS_DEFAULTS.failOn },
    lockfiles,
    database: { kind: db.kind, description: db.description, advisories: meta.advisories, newestModified: meta.newestModified, ...(meta.fetchedAt ? { fetchedAt: meta.fetchedAt } : {}), built: db.built },
    fixes: mergeFixes(fixes).map((f) => settleTarget(f, advisories.get(f.package) ?? [])),
    unfixable,
    ignored,
    devSkipped,
  };
}

/**
 * Moves a planned target past every other advisory of the package: upgrading qs to the fix of
 * one advisory must not land on a version another advisory covers. Stops where no fix is known.
 */
function settleTarget(fix: PlannedFix, list: readonly CompactAdvisory[]): PlannedFix {
  const caret = fix.to.startsWith('^');
  let to = fix.to.replace(/^\^/, '');
  const also = new Set<string>();
  for (let round = 0; round < list.length; round++) {
    let moved = false;
    for (const adv of list) {
      const m = matchAdvisory(adv, to);
      if (m.affected && m.fixed && versionGt(m.fixed, to)) {
        to = m.fixed;
        also.add(adv.id);
        moved = true;
      }
    }
    if (!moved) break;
  }
  if (also.size === 0) return fix;
  const target = caret || fix.kind === 'override' ? overrideRange(fix.from, to) : to;
  return { ...fix, to: fix.kind === 'upgrade' ? to : target, advisories: [...new Set([...fix.advisories, ...also])] };
}

/** One fix per lockfile, importer, package and installed major: the highest target wins. */
function mergeFixes(fixes: readonly PlannedFix[]): PlannedFix[] {
  const out = new Map<string, PlannedFix>();
  const version = (s: string): string => s.replace(/^\^/, '');
  const major = (v: string): number => parseVersion(v)?.major ?? -1;
  for (const f of fixes) {
    const key = `${f.lockfile}\u0000${f.kind}\u0000${f.kind === 'upgrade' ? f.importer : major(f.from)}\u0000${f.package}`;
    const prev = out.get(key);
    if (!prev) out.set(key, f);
    else out.set(key, { ...prev, to: versionGt(version(f.to), version(prev.to)) ? f.to : prev.to, advisories: [...new Set([...prev.advisories, ...f.advisories])] });
  }
  const merged = [...out.values()];
  const overridesPer = new Map<string, number>();
  for (const f of merged) if (f.kind === 'override') overridesPer.set(`${f.lockfile}\u0000${f.package}`, (overridesPer.get(`${f.lockfile}\u0000${f.package}`) ?? 0) + 1);
  return merged
    .map((f) => (f.kind === 'override' && overridesPer.get(`${f.lockfile}\u0000${f.package}`)! > 1 ? { ...f, selector: `${f.package}@${major(f.from)}` } : f))
    .sort((a, b) => (a.lockfile < b.lockfile ? -1 : a.lockfile > b.lockfile ? 1 : a.package < b.package ? -1 : a.package > b.package ? 1 : major(a.from) - major(b.from)));
}
