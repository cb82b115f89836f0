import { NextResponse } from 'next/server';
import { loadPrefs, savePrefs } from '@/lib/prefs';

export async function PATCH(request: Request) {
  const patch = (await request.json()) as Record<string, unknown>;
  const prefs = await loadPrefs();
  for (const [dotted, value] of Object.entries(patch)) {
    const [section, field] = dotted.split('.');
    if (!field) continue;
    prefs[section][field] = value; // expect: prototype-pollution
  }
  await savePrefs(prefs);
  return NextResponse.json({ ok: true });
}
