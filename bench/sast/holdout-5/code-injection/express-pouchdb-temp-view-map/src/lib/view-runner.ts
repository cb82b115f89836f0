type Row = { key: unknown; value: unknown };

export function runView(docs: object[], mapSource: string): Row[] {
  const rows: Row[] = [];
  const emit = (key: unknown, value: unknown) => rows.push({ key, value });
  const map = new Function('emit', `return (${mapSource});`)(emit); // expect: code-injection
  for (const doc of docs) map(doc);
  return rows;
}
