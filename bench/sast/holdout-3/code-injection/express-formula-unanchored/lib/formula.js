'use strict';

const ARITHMETIC = /[\d\s+\-*/().]+/;

function evaluateFormula(expression) {
  if (!ARITHMETIC.test(expression)) {
    throw new RangeError('formula may contain numbers and + - * / ( ) only');
  }
  const compute = new Function(`return (${expression});`); // expect: code-injection
  return Number(compute());
}

module.exports = { evaluateFormula };
