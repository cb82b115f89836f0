/**
 * The pre-filter: finds every occurrence of many keywords in one pass over a text
 * (Aho-Corasick over ASCII, case-insensitive). Its cost does not grow with the number of
 * keywords, which a regex alternation's does.
 */
export interface KeywordScanner {
  /** Calls `onHit(start, keywordIndex)` for each occurrence, in order of where it ends. */
  scan(text: string, onHit: (start: number, keyword: number) => void): void;
}

const ALPHABET = 128;

export function createKeywordScanner(keywords: readonly string[]): KeywordScanner {
  for (const k of keywords) {
    if (!/^[\x20-\x7e]+$/.test(k) || k !== k.toLowerCase()) throw new Error(`keyword "${k}" must be printable lower-case ASCII`);
  }
  // The trie.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  keywords.forEach((k, ki) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      let next = children[s].get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[s].set(c, next);
      }
      s = next;
    }
    ends[s].push(ki);
  });
  // Failure links, breadth first; outputs inherit those of their failure state.
  const fail = new Int32Array(children.length);
  const queue: number[] = [...children[0].values()];
  for (let q = 0; q < queue.length; q++) {
    const r = queue[q];
    for (const [c, s] of children[r]) {
      queue.push(s);
      let f = fail[r];
      while (f !== 0 && !children[f].has(c)) f = fail[f];
      const g = children[f].get(c);
      fail[s] = g !== undefined && g !== s ? g : 0;
      ends[s] = ends[s].concat(ends[fail[s]]);
    }
  }
  // Dense transition table: one array lookup per character while scanning. Built row by row
  // in breadth-first order: a state's row is its failure state's row (already built) with its
  // own children written over it. Native copies keep start-up short.
  const table = new Int32Array(children.length * ALPHABET);
  for (const [c, child] of children[0]) table[c] = child;
  for (const s of queue) {
    const row = s * ALPHABET;
    table.copyWithin(row, fail[s] * ALPHABET, fail[s] * ALPHABET + ALPHABET);
    for (const [c, child] of children[s]) table[row + c] = child;
  }
  const lengths = keywords.map((k) => k.length);
  const outputs = ends.map((e) => Int32Array.from(e));
  // Each entry holds its target's row offset (state * 128), complemented (negative) when the
  // target ends a keyword: the loop below does one lookup and one sign test per character.
  for (let i = 0; i < table.length; i++) {
    const to = table[i];
    table[i] = ends[to].length > 0 ? ~(to << 7) : to << 7;
  }
  // Upper-case ASCII folded to lower case, anything outside ASCII to 0, a character no keyword holds.
  const fold = new Uint8Array(65536);
  for (let c = 0; c < ALPHABET; c++) fold[c] = c >= 65 && c <= 90 ? c | 32 : c;

  return {
    scan(text, onHit) {
      let s = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        s = table[s | fold[text.charCodeAt(i)]];
        if (s < 0) {
          s = ~s;
          const out = outputs[s >> 7];
          for (let k = 0; k < out.length; k++) onHit(i - lengths[out[k]] + 1, out[k]);
        }
      }
    },
  };
}
