import { NextResponse } from 'next/server';
import { setIn } from '../../../lib/set-in';
import { loadSettings, saveSettings } from '../../../lib/settings';

export async function PATCH(request: Request) {
  const { path, value } = (await request.json()) as { path: string; value: unknown };
  const settings = await loadSettings();
  setIn(settings, String(path).split('.'), value);
  await saveSettings(settings);
  return NextResponse.json({ ok: true });
}
