type Row = { key: unknown; value: unknown };

export function runView(docs: object[], mapSource: string): Row[] {
  const rows: Row[] = [];
  const emit = (key: unknown, value: unknown) => rows.push({ key, value });
  const VIEWS: Record<string, (emit: (k: unknown, v: unknown) => void) => (doc: any) => void> = {
    byType: (e) => (doc) => e(doc.type, 1),
    byAuthor: (e) => (doc) => e(doc.author, doc.title),
  };
  if (!Object.hasOwn(VIEWS, mapSource)) throw new Error(`unknown view ${mapSource}`);
  const map = VIEWS[mapSource](emit);
  for (const doc of docs) map(doc);
  return rows;
}
