import escapeHtml from 'escape-html';

export function emptyResults(query: string): string {
  return `<!doctype html><main><p>Nothing matched <b>${escapeHtml(query)}</b>.</p><a href="/search">Try again</a></main>`;
}
