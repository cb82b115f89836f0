// Scoring a tool's findings against the suite's expectations. Pure functions: the bench
// feeds them the findings of each tool, the suite test feeds them synthetic lists.
//
// The rules (docs/sast-suite.md, "Scoring"):
// - Only findings that carry a class count; findings are first made unique per
//   (file, line, class), so two rules of one tool reporting the same sink count once.
// - A finding is a true positive when an expected item of its class in the same file covers
//   its start line (a marker covers its own line; an example flaw may cover a range) and
//   that item has not been matched yet. Each expected item is matched at most once.
// - A finding that matches an item already matched by another finding (a second line inside
//   one example flaw's range) is a duplicate: neither true nor false.
// - Any other finding is a false positive: wrong line, wrong class, or a safe case.
// - Every expected item left unmatched is a false negative.

/**
 * @typedef {{ file: string, first: number, last: number, class: string }} Expected
 * @typedef {{ file: string, line: number, class: string }} ClassFinding
 * @typedef {{ tp: number, fp: number, fn: number }} Counts
 * @typedef {{ perClass: Map<string, Counts>, total: Counts, duplicates: number,
 *   truePositives: ClassFinding[], falsePositives: ClassFinding[], falseNegatives: Expected[] }} Score
 */

const key = (f) => `${f.file}\u0000${f.line}\u0000${f.class}`;

/**
 * @param {Expected[]} expected
 * @param {ClassFinding[]} findings
 * @param {readonly string[]} classes every class to report, in order (counts start at 0)
 * @returns {Score}
 */
export function scoreFindings(expected, findings, classes) {
  const perClass = new Map(classes.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const counts = (cls) => {
    let c = perClass.get(cls);
    if (!c) perClass.set(cls, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  // Index expected items by file and class; ranges are tiny, a scan per bucket is fine.
  const buckets = new Map();
  expected.forEach((e, index) => {
    const k = `${e.file}\u0000${e.class}`;
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k).push({ ...e, index });
  });
  const matched = new Set();
  const seen = new Set();
  const truePositives = [];
  const falsePositives = [];
  let duplicates = 0;
  const sorted = [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.class < b.class ? -1 : a.class > b.class ? 1 : 0)));
  for (const f of sorted) {
    const k = key(f);
    if (seen.has(k)) continue;
    seen.add(k);
    const covering = (buckets.get(`${f.file}\u0000${f.class}`) ?? []).filter((e) => f.line >= e.first && f.line <= e.last);
    const free = covering.find((e) => !matched.has(e.index));
    if (free) {
      matched.add(free.index);
      counts(f.class).tp++;
      truePositives.push(f);
    } else if (covering.length > 0) {
      duplicates++;
    } else {
      counts(f.class).fp++;
      falsePositives.push(f);
    }
  }
  const falseNegatives = expected.filter((_, i) => !matched.has(i));
  for (const e of falseNegatives) counts(e.class).fn++;
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of perClass.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { perClass, total, duplicates, truePositives, falsePositives, falseNegatives };
}

/** tp / (tp + fn), or undefined when nothing was expected. */
export function recall({ tp, fn }) {
  return tp + fn === 0 ? undefined : tp / (tp + fn);
}

/** tp / (tp + fp), or undefined when the tool reported nothing. */
export function precision({ tp, fp }) {
  return tp + fp === 0 ? undefined : tp / (tp + fp);
}

/** "83%", or "-" when the ratio is undefined. */
export function percent(ratio) {
  return ratio === undefined ? '-' : `${Math.round(ratio * 100)}%`;
}
