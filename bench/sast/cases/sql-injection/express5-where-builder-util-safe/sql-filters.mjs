const FILTERABLE = new Set(['category', 'brand', 'color']);

export function buildWhere(filters) {
  const values = [];
  const clauses = Object.entries(filters)
    .filter(([column, value]) => FILTERABLE.has(column) && typeof value === 'string' && value !== '')
    .map(([column, value]) => {
      values.push(value);
      return `${column} = $${values.length}`;
    });
  return { text: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}
