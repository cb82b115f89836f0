const COMPANY_DOMAIN = 'example.com';

export function isTrustedDestination(next: string): boolean {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  return url.hostname === COMPANY_DOMAIN || url.hostname.endsWith(`.${COMPANY_DOMAIN}`);
}
