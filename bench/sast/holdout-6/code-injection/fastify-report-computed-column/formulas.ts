export function computeColumns(rows: Record<string, number>[], columns: { name: string; expr: string }[]) {
  const compiled = columns.map((c) => ({ name: c.name, fn: new Function('row', 'with (row) { return (' + c.expr + '); }') })); // expect: code-injection
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const c of compiled) out[c.name] = c.fn(row);
    return out;
  });
}
