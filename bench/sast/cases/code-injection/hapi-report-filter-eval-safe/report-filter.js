'use strict';

const FIELDS = new Set(['amount', 'status', 'country']);
const OPS = {
  eq: (a, b) => String(a) === b,
  gt: (a, b) => Number(a) > Number(b),
  lt: (a, b) => Number(a) < Number(b),
};

function applyFilter(rows, where) {
  if (!where) return rows;
  const [field, op, value] = String(where).split(':');
  if (!FIELDS.has(field) || !Object.hasOwn(OPS, op)) return rows;
  return rows.filter((row) => OPS[op](row[field], value));
}

module.exports = { applyFilter };
