import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECRET_RULES, detectSecrets, fillSample, redact, seededRandom, type SecretSample } from '../../src/secrets/index.js';

// Every secret rule carries texts it must flag and texts no rule may flag. The `{{...}}`
// spans are filled here with random characters in the provider's format (three seeds), so
// no credential is ever written into the repository. A miss or a false alarm fails the build.

const DEFAULT_PATH = 'config/app.js';
const SEEDS = [1, 2, 3];
const sample = (s: string | SecretSample): SecretSample => (typeof s === 'string' ? { text: s } : s);
const show = (found: ReturnType<typeof detectSecrets>): string => found.map((f) => `  ${f.line}:${f.column} ${f.rule.id} ${f.snippet}`).join('\n');

describe('secret rules', () => {
  it('have unique ids, keywords, samples on both sides, and say what the secret opens and how to rotate it', () => {
    const ids = SECRET_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of SECRET_RULES) {
      assert.ok(r.samples.truePositives.length > 0 && r.samples.falsePositives.length > 0, `${r.id}: samples on both sides`);
      assert.ok(r.access.length > 30 && r.rotate.length > 30, `${r.id}: access and rotate advice`);
      assert.ok(r.title.length > 3 && !r.title.endsWith('.'), `${r.id}: title`);
    }
  });

  for (const rule of SECRET_RULES) {
    describe(rule.id, () => {
      rule.samples.truePositives.forEach((raw, i) => {
        it(`flags true positive #${i + 1}`, () => {
          for (const seed of SEEDS) {
            const s = sample(raw);
            const text = fillSample(s.text, seededRandom(seed * 1000 + i));
            const found = detectSecrets(s.path ?? DEFAULT_PATH, text);
            const mine = found.filter((f) => f.rule.id === rule.id);
            assert.equal(mine.length, 1, `seed ${seed}: expected one ${rule.id} finding in:\n${text}\ngot:\n${show(found)}`);
            for (const f of found) {
              assert.ok(!f.snippet.includes(f.secret), `snippet shows the secret: ${f.snippet}`);
              assert.ok(f.snippet.includes(redact(f.secret)) || f.endLine > f.line, `snippet lacks the redacted form: ${f.snippet}`);
            }
          }
        });
      });
      rule.samples.falsePositives.forEach((raw, i) => {
        it(`stays silent on false positive #${i + 1}`, () => {
          for (const seed of SEEDS) {
            const s = sample(raw);
            const text = fillSample(s.text, seededRandom(seed * 1000 + i));
            const found = detectSecrets(s.path ?? DEFAULT_PATH, text);
            assert.deepEqual(found.map((f) => f.rule.id), [], `seed ${seed}: false alarm on:\n${text}\n${show(found)}`);
          }
        });
      });
    });
  }
});
