'use strict';

function applyFilter(rows, where) {
  if (!where) return rows;
  return rows.filter((row) => {
    const { amount, status, country } = row;
    return Boolean(eval(where)); // expect: code-injection
  });
}

module.exports = { applyFilter };
