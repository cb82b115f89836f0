'use strict';

function orderByClause(column, direction) {
  const dir = String(direction).toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${column} ${dir}`;
}

module.exports = { orderByClause };
