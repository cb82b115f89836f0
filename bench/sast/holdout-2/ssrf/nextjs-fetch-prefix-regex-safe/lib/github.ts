const GITHUB_API = /^https:\/\/api\.github\.com\//;

export function isGithubApiUrl(value: string): boolean {
  return GITHUB_API.test(value);
}

export async function fetchGithubJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Accept: 'application/vnd.github+json' }, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`GitHub answered ${response.status}`);
  }
  return response.json();
}
