const SITE = process.env.SITE_ORIGIN ?? 'https://www.example.com';

export function returnPath(candidate: string): string {
  return candidate.trim() || '/';
}

export { SITE };
