const ITEMS = Array.from({ length: 100 }, (_, i) => ({ id: i + 1, name: `Item ${i + 1}` }));

export async function listItems(cursor, size) {
  const start = Number(String(cursor).split('-').pop()) || 0;
  const items = ITEMS.slice(start, start + size);
  return { items, nextCursor: start + size < ITEMS.length ? String(start + size) : null };
}
