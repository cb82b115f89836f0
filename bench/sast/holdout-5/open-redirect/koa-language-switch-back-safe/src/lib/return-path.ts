const SITE = process.env.SITE_ORIGIN ?? 'https://www.example.com';

export function returnPath(candidate: string): string {
  const url = new URL(candidate.trim() || '/', SITE);
  return url.origin === SITE ? url.href : '/';
}

export { SITE };
