export function localeCookie(lang: string): string {
  const SUPPORTED = new Set(['en', 'fr', 'de', 'es', 'ja']);
  const value = SUPPORTED.has(lang) ? lang : 'en';
  return `locale=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
