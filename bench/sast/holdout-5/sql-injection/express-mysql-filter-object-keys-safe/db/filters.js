// Turns ?category=books&name=x into "WHERE category = ? AND name = ?" with the values bound.
const FILTERABLE = new Set(['name', 'category', 'price']);

function whereFromFilters(filters) {
  const keys = Object.keys(filters).filter((key) => FILTERABLE.has(key));
  if (keys.length === 0) return { clause: '', values: [] };
  const parts = keys.map((key) => `${key} = ?`);
  return { clause: `WHERE ${parts.join(' AND ')}`, values: keys.map((key) => filters[key]) };
}

module.exports = { whereFromFilters };
