import { NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { mergeDeep } from './merge';

const store = new Map<string, Record<string, unknown>>();

export async function PATCH(request: Request) {
  const sid = cookies().get('sid')?.value;
  if (!sid) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const patch = (await request.json()) as Record<string, unknown>;
  const current = store.get(sid) ?? { editor: { fontSize: 14 }, notifications: { digest: 'weekly' } };
  store.set(sid, mergeDeep(current, patch));
  return NextResponse.json(store.get(sid));
}
