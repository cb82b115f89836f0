export function emptyResults(query: string): string {
  return `<!doctype html><main><p>Nothing matched <b>${query}</b>.</p><a href="/search">Try again</a></main>`;
}
