import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { revealControlChars, singleLine } from '../../src/reporters/untrusted-text.js';

describe('revealControlChars', () => {
  const table: [string, string, string][] = [
    ['terminal escape', 'a\u001b[2Jb', 'a<U+001B>[2Jb'],
    ['bidi override (Trojan Source)', 'if (isAdmin\u202e) {', 'if (isAdmin<U+202E>) {'],
    ['bidi isolate', '\u2066x\u2069', '<U+2066>x<U+2069>'],
    ['NUL, BEL, carriage return and DEL', '\u0000\u0007\r\u007f', '<U+0000><U+0007><U+000D><U+007F>'],
    ['C1 control (8-bit CSI)', '\u009b31m', '<U+009B>31m'],
    ['line separator', 'a\u2028b', 'a<U+2028>b'],
    ['tabs, newlines and ordinary Unicode stay', 'é\t→\n日本', 'é\t→\n日本'],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => assert.equal(revealControlChars(input), expected));
  }
});

describe('singleLine', () => {
  it('shows line breaks instead of breaking the line', () => {
    assert.equal(singleLine('one\r\ntwo\nthree'), 'one⏎ two⏎ three');
  });
});
