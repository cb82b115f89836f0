export function prefsCookie(value: string): string {
  return `prefs=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}
