'use strict';

const SORTABLE = { name: 'name', price: 'price', newest: 'created_at' };

function orderByClause(column, direction) {
  const dir = String(direction).toLowerCase() === 'desc' ? 'DESC' : 'ASC';
  const col = Object.hasOwn(SORTABLE, column) ? SORTABLE[column] : 'name';
  return `ORDER BY ${col} ${dir}`;
}

module.exports = { orderByClause };
