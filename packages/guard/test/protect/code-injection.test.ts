import { test } from 'node:test';
import { randomStrings } from './helpers.js';
import assert from 'node:assert/strict';
import { detectCodeInjection } from '../../src/protect/code/detect.js';
import { tokenizeJs } from '../../src/protect/code/tokenize.js';
import { CODE_ATTACKS, CODE_BENIGN } from '../../src/protect/code/samples.js';

const inputs = (value: string) => [{ value, source: 'query.q' }];
const kinds = (code: string) => tokenizeJs(code).filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${code.slice(t.start, t.end)}`);

test('code-injection: every attack sample is detected', () => {
  for (const s of CODE_ATTACKS) {
    assert.ok(s.code.includes(s.input), `sample is consistent: ${s.code}`);
    const r = detectCodeInjection(s.code, inputs(s.input));
    assert.equal(r.attack, true, `missed: ${s.code}`);
  }
});

test('code-injection: no benign sample is flagged', () => {
  for (const s of CODE_BENIGN) {
    assert.ok(s.code.includes(s.input), `sample is consistent: ${s.code}`);
    assert.equal(detectCodeInjection(s.code, inputs(s.input)).attack, false, `false alarm: ${s.code}`);
  }
});

test('js tokenizer: strings, templates with nested expressions, comments, regex versus division', () => {
  assert.deepEqual(kinds('a = `x${b + `y${c}`}z` / 2'), [
    'identifier:a', 'punctuator:=', 'template:`x${', 'identifier:b', 'punctuator:+', 'template:`y${', 'identifier:c', 'template:}`', 'template:}z`', 'punctuator:/', 'number:2',
  ]);
  assert.deepEqual(kinds('x = a / b / c'), ['identifier:x', 'punctuator:=', 'identifier:a', 'punctuator:/', 'identifier:b', 'punctuator:/', 'identifier:c']);
  assert.deepEqual(kinds('return /[/]x/g.test(s)'), ['identifier:return', 'regex:/[/]x/g', 'punctuator:.', 'identifier:test', 'punctuator:(', 'identifier:s', 'punctuator:)']);
  assert.deepEqual(kinds("f('a\\'b', \"c\") // d"), ['identifier:f', 'punctuator:(', "string:'a\\'b'", 'punctuator:,', 'string:"c"', 'punctuator:)', 'comment:// d']);
  assert.deepEqual(kinds('a >>>= 0x1F_n ?.5 : b?.c'), ['identifier:a', 'punctuator:>>>=', 'number:0x1F_n', 'punctuator:?', 'number:.5', 'punctuator::', 'identifier:b', 'punctuator:?.', 'identifier:c']);
  assert.deepEqual(kinds('x\n--> comment\ny'), ['identifier:x', 'comment:--> comment', 'identifier:y']);
  assert.deepEqual(kinds("'open\nnext"), ["string:'open", 'identifier:next']);
  assert.deepEqual(kinds('a++ / 2 /* c */'), ['identifier:a', 'punctuator:++', 'punctuator:/', 'number:2', 'comment:/* c */']);
});

test('js tokenizer: random and mutated inputs never throw and tokens cover the text exactly once', () => {
  const alphabet = "'\"`$\\{}()[]/*-<!>=+;:?.,#\n\t aZ09_e\u2028";
  const cases = [...randomStrings(5, 5000, alphabet, 80)];
  for (const s of [...CODE_ATTACKS, ...CODE_BENIGN]) for (const noise of randomStrings(s.code.length, 30, alphabet, 6)) cases.push(s.code.slice(0, noise.length * 2) + noise + s.code.slice(noise.length * 2));
  for (const code of cases) {
    let pos = 0;
    for (const t of tokenizeJs(code)) {
      assert.equal(t.start, pos, `gap or overlap at ${pos} in ${JSON.stringify(code)}`);
      assert.ok(t.end > t.start);
      pos = t.end;
    }
    assert.equal(pos, code.length, `tokens do not reach the end of ${JSON.stringify(code)}`);
    detectCodeInjection(code, inputs(code.slice(1, 7)));
  }
});

test('js tokenizer: linear on hostile input (unterminated regex classes, deep templates, many slashes)', () => {
  const time = (s: string) => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = process.hrtime.bigint();
      tokenizeJs(s);
      best = Math.min(best, Number(process.hrtime.bigint() - t));
    }
    return best;
  };
  // Ordinary code of the same length is the linear baseline; a quadratic scan of 96 KB would
  // take seconds (about 5e9 steps), far beyond this bound even on a loaded machine.
  const baseline = time('a = b / c; '.repeat(9_000));
  for (const piece of ['(/[', '`${', '/', "'\\", '{', '}', '<!--', '/*', 'x/']) {
    const hostile = piece.repeat(Math.ceil(99_000 / piece.length));
    const ns = time(hostile);
    assert.ok(ns < baseline * 20 + 100_000_000, `${JSON.stringify(piece)}: ${ns}ns against ${baseline}ns for ordinary code`);
  }
});
