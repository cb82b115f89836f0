export function localeCookie(lang: string): string {
  const value = lang;
  return `locale=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
