export function buildWhere(filters) {
  const clauses = Object.entries(filters).reduce(
    (acc, [column, value]) => {
      acc.parts.push(`${column} = '${value}'`);
      return acc;
    },
    { parts: [], values: [] },
  );
  return { sql: clauses.parts.length ? `WHERE ${clauses.parts.join(' AND ')}` : '', values: clauses.values };
}
