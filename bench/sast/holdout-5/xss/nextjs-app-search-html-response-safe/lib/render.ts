import { escape } from 'html-escaper';

type Hit = { slug: string; title: string };

export function resultsPage(q: string, hits: Hit[]): string {
  const list = hits.map((h) => `<li><a href="/docs/${encodeURIComponent(h.slug)}">${h.title}</a></li>`).join('');
  const body = hits.length ? `<ul>${list}</ul>` : `<p>No results for <b>${escape(q)}</b>.</p>`;
  return `<!doctype html><html><body><h1>Search</h1>${body}</body></html>`;
}
