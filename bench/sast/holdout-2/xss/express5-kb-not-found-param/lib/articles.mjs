const ARTICLES = new Map([['reset-password', { title: 'Reset your password', body: 'Open Settings, then Security.' }]]);

export async function findArticle(slug) {
  return ARTICLES.get(slug) ?? null;
}
