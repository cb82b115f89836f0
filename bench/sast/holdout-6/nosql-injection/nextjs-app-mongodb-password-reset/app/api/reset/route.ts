import { NextResponse } from 'next/server';
import { resetPassword } from '../../../lib/accounts';

export async function POST(request: Request) {
  const { token, password } = await request.json();
  if (typeof password !== 'string' || password.length < 12) {
    return NextResponse.json({ error: 'weak password' }, { status: 400 });
  }
  const ok = await resetPassword(token, password);
  return NextResponse.json({ ok });
}
