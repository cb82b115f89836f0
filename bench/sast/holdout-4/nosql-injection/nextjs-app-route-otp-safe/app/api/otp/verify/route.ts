import { NextResponse } from 'next/server';
import { getDb } from '@/lib/mongo';
import { parseOtpBody } from '@/lib/otp-body';

export async function POST(request: Request) {
  const { username, otp } = parseOtpBody(await request.json());
  const db = await getDb();
  const user = await db.collection('users').findOne({ username, otp, otpExpires: { $gt: new Date() } }, { projection: { _id: 1 } });
  if (!user) return NextResponse.json({ ok: false }, { status: 401 });
  return NextResponse.json({ ok: true });
}
