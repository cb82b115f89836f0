// Turns ?category=books&name=x into "WHERE category = ? AND name = ?" with the values bound.
function whereFromFilters(filters) {
  const keys = Object.keys(filters);
  if (keys.length === 0) return { clause: '', values: [] };
  const parts = keys.map((key) => `${key} = ?`);
  return { clause: `WHERE ${parts.join(' AND ')}`, values: keys.map((key) => filters[key]) };
}

module.exports = { whereFromFilters };
