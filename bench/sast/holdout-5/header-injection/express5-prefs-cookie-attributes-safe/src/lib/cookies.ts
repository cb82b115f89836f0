export function prefsCookie(value: string): string {
  return `prefs=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}
