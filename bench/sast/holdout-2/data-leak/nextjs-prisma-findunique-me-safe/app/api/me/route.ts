import { NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { prisma } from '../../../lib/prisma';
import { userIdFromSession } from '../../../lib/session';

export async function GET() {
  const userId = await userIdFromSession(cookies().get('sid')?.value);
  if (!userId) {
    return NextResponse.json({ error: 'not signed in' }, { status: 401 });
  }
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return NextResponse.json(user);
}
