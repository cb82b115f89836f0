import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanSecrets } from '@rampart/scan';
import { expandCorpus, scoreCorpus, seededRandom, type CorpusFile, type CorpusScore, type SecretCorpus } from '../../src/secrets/index.js';

// The labelled corpus: every credential kind in each file format it lives in, plus the hard
// negatives (placeholders, environment references, lockfile hashes, UUIDs, git SHAs,
// documented examples, base64 images and fonts, minified bundles). Credentials are generated
// here in each provider's format. The same corpus feeds the benchmark against secretlint.

const CORPUS = JSON.parse(readFileSync(new URL('./corpus/corpus.json', import.meta.url), 'utf8')) as SecretCorpus;
const FLOOR = 0.97;

for (const seed of [7, 2024]) {
  describe(`secret corpus (seed ${seed})`, () => {
    let root: string;
    let files: CorpusFile[];
    let score: CorpusScore;

    before(async () => {
      root = mkdtempSync(join(tmpdir(), 'rampart-corpus-'));
      files = expandCorpus(CORPUS, seededRandom(seed));
      for (const f of files) {
        mkdirSync(dirname(join(root, f.file)), { recursive: true });
        writeFileSync(join(root, f.file), f.text);
      }
      const report = await scanSecrets(root);
      score = scoreCorpus(files, report.findings.map((f) => ({ file: f.file, line: f.line, label: `${f.ruleId}/${f.type ?? ''} ${f.snippet}` })));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('is a corpus worth the name: every secret rule type appears, and hard negatives are there', () => {
      const types = new Set(files.flatMap((f) => f.expected.map((e) => e.type)));
      assert.ok(types.size >= 45, `only ${types.size} types`);
      assert.ok(score.expected >= 400, `only ${score.expected} labelled secrets`);
      assert.ok(files.filter((f) => f.expected.length === 0).length >= 30, 'hard negatives');
    });

    it(`finds at least ${FLOOR * 100}% of the labelled secrets, and at least ${FLOOR * 100}% of each type that has 5 or more`, () => {
      const missed = [...score.perType].filter(([, t]) => t.expected >= 5 && t.found / t.expected < FLOOR).map(([type, t]) => `${type}: ${t.found}/${t.expected}`);
      assert.deepEqual(missed, []);
      assert.ok(score.recall >= FLOOR, `recall ${score.recall.toFixed(3)}`);
    });

    it(`reports at least ${FLOOR * 100}% true secrets (precision)`, () => {
      assert.ok(score.precision >= FLOOR, `precision ${score.precision.toFixed(3)}; false alarms:\n${score.falseAlarms.map((f) => `  ${f.file}:${f.line} ${f.label}`).join('\n')}`);
    });

    it('stays silent on every hard negative file', () => {
      const negatives = new Set(files.filter((f) => f.expected.length === 0).map((f) => f.file));
      assert.deepEqual(score.falseAlarms.filter((f) => negatives.has(f.file)), []);
    });
  });
}
