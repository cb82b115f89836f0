export function buildWhere(filters) {
  const clauses = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([column, value]) => `${column} = '${value}'`);
  return { text: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values: [] };
}
