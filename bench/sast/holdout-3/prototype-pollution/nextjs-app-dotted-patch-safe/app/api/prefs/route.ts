import { NextResponse } from 'next/server';
import { loadPrefs, savePrefs } from '@/lib/prefs';

const EDITABLE: Record<string, readonly string[]> = Object.freeze({
  display: ['theme', 'density'],
  email: ['digest'],
});

export async function PATCH(request: Request) {
  const patch = (await request.json()) as Record<string, unknown>;
  const prefs = await loadPrefs();
  for (const [dotted, value] of Object.entries(patch)) {
    const [section, field] = dotted.split('.');
    if (!field || !Object.hasOwn(EDITABLE, section) || !EDITABLE[section].includes(field)) continue;
    prefs[section][field] = value;
  }
  await savePrefs(prefs);
  return NextResponse.json({ ok: true });
}
