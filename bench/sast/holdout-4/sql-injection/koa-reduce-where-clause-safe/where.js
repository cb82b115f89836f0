const COLUMNS = new Set(['city', 'country', 'owner_id']);

export function buildWhere(filters) {
  const clauses = Object.entries(filters).reduce(
    (acc, [column, value]) => {
      // Only known columns become identifiers; every value is bound.
      if (!COLUMNS.has(column)) return acc;
      acc.parts.push(`${column} = ?`);
      acc.values.push(String(value));
      return acc;
    },
    { parts: [], values: [] },
  );
  return { sql: clauses.parts.length ? `WHERE ${clauses.parts.join(' AND ')}` : '', values: clauses.values };
}
