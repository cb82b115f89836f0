// Computed columns are chosen by name from formulas shipped with the app; the client's text is never compiled.
const FORMULAS: Record<string, (row: Record<string, number>) => number> = {
  margin: (row) => row.price - row.cost,
  marginPct: (row) => (row.price ? ((row.price - row.cost) / row.price) * 100 : 0),
  total: (row) => row.price * row.quantity,
};

export function computeColumns(rows: Record<string, number>[], columns: { name: string; expr: string }[]) {
  const compiled = columns.filter((c) => Object.hasOwn(FORMULAS, c.expr)).map((c) => ({ name: c.name, fn: FORMULAS[c.expr] }));
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const c of compiled) out[c.name] = c.fn(row);
    return out;
  });
}
