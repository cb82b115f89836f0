const COMPANY_DOMAIN = 'example.com';

export function isTrustedDestination(next: string): boolean {
  return next.includes(COMPANY_DOMAIN);
}
