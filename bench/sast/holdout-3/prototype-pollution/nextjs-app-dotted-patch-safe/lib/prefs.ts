export type Prefs = Record<string, Record<string, unknown>>;

let current: Prefs = { display: { theme: 'dark', density: 'compact' }, email: { digest: 'weekly' } };

export async function loadPrefs(): Promise<Prefs> {
  return structuredClone(current);
}

export async function savePrefs(next: Prefs): Promise<void> {
  current = next;
}
