let current: Record<string, any> = { appearance: { theme: 'light' }, billing: { plan: 'team' } };

export async function loadSettings(): Promise<Record<string, any>> {
  return current;
}

export async function saveSettings(settings: Record<string, any>): Promise<void> {
  current = settings;
}
