import { materializeCase, type ExpectedSecret } from './generate.js';

/**
 * The labelled accuracy corpus (packages/scan/test/secrets/corpus/corpus.json), expanded
 * into files. Secrets are written as generator specs and built here at run time, in each
 * provider's real format: the repository holds none. Used by the tests (recall and precision
 * floors) and by the benchmark (the same figures for Rampart and secretlint).
 */
export interface SecretCorpus {
  /** How a NAME=value pair is written in each file format; {NAME}, {camel}, {snake} and {value} are filled in. */
  readonly formats: Readonly<Record<string, { readonly file: string; readonly text: string }>>;
  /** One credential kind, written in several formats. */
  readonly secrets: readonly { readonly type: string; readonly name: string; readonly value: string; readonly formats: readonly string[] }[];
  /** Whole files: multi-line secrets, credential files and the hard negatives. */
  readonly files: readonly { readonly file: string; readonly text: string; readonly note?: string }[];
}

export interface CorpusFile {
  /** Relative path, forward slashes. */
  readonly file: string;
  readonly text: string;
  /** The secrets a scanner should report, by line; empty for a hard negative. */
  readonly expected: readonly ExpectedSecret[];
}

function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
}

/** Expands the corpus into files with a seeded random source, so one seed always gives the same files. */
export function expandCorpus(corpus: SecretCorpus, random: () => number): CorpusFile[] {
  const out: CorpusFile[] = [];
  corpus.secrets.forEach((s, i) => {
    for (const format of s.formats) {
      const f = corpus.formats[format];
      if (!f) throw new Error(`corpus: secret ${s.type} names unknown format "${format}"`);
      const w = words(s.name);
      const fill = (t: string): string =>
        t
          .replaceAll('{NAME}', w.join('_').toUpperCase())
          .replaceAll('{snake}', w.join('_'))
          .replaceAll('{camel}', w.map((x, k) => (k === 0 ? x : x[0].toUpperCase() + x.slice(1))).join(''))
          .replaceAll('{value}', `⟦${s.type}|${s.value}⟧`);
      const { text, expected } = materializeCase(fill(f.text), random);
      out.push({ file: `positive/${String(i).padStart(3, '0')}-${s.type}-${format}/${f.file}`, text, expected });
    }
  });
  corpus.files.forEach((f, i) => {
    const { text, expected } = materializeCase(f.text, random);
    out.push({ file: `${expected.length > 0 ? 'positive' : 'negative'}/file-${String(i).padStart(3, '0')}/${f.file}`, text, expected });
  });
  return out;
}

/** Credentials that are a whole file (a service account key file): found by a report on any of its lines. */
const WHOLE_FILE_TYPES: ReadonlySet<string> = new Set(['gcp-service-account-key']);

/** Recall and precision of one tool on the corpus, per expected type and overall. */
export interface CorpusScore {
  readonly perType: ReadonlyMap<string, { expected: number; found: number }>;
  readonly expected: number;
  readonly found: number;
  readonly reported: number;
  /** Reports on lines where no secret is expected. */
  readonly falseAlarms: readonly { file: string; line: number; label: string }[];
  readonly recall: number;
  readonly precision: number;
}

/**
 * Scores a tool's reports (file and line, any type) against the corpus: an expected secret
 * is found when a report sits on its line; a report on a line without one is a false alarm.
 * Several reports on one expected line count once.
 */
export function scoreCorpus(files: readonly CorpusFile[], reports: readonly { file: string; line: number; label: string }[]): CorpusScore {
  const expectedAt = new Map<string, string>();
  // Key files are one credential: a tool may report one anywhere in it (secretlint: line 1).
  const wholeFile = new Map<string, string>();
  for (const f of files) {
    for (const e of f.expected) {
      expectedAt.set(`${f.file}:${e.line}`, e.type);
      if (WHOLE_FILE_TYPES.has(e.type)) wholeFile.set(f.file, `${f.file}:${e.line}`);
    }
  }
  const hit = new Set<string>();
  const falseAlarms: { file: string; line: number; label: string }[] = [];
  for (const r of reports) {
    const key = `${r.file}:${r.line}`;
    if (expectedAt.has(key)) hit.add(key);
    else if (wholeFile.has(r.file)) hit.add(wholeFile.get(r.file)!);
    else falseAlarms.push(r);
  }
  const perType = new Map<string, { expected: number; found: number }>();
  for (const [key, type] of expectedAt) {
    const t = perType.get(type) ?? { expected: 0, found: 0 };
    t.expected++;
    if (hit.has(key)) t.found++;
    perType.set(type, t);
  }
  const truePositives = hit.size;
  const reported = truePositives + falseAlarms.length;
  return {
    perType,
    expected: expectedAt.size,
    found: truePositives,
    reported,
    falseAlarms,
    recall: expectedAt.size === 0 ? 1 : truePositives / expectedAt.size,
    precision: reported === 0 ? 1 : truePositives / reported,
  };
}
