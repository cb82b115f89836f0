import { prisma } from './prisma';

export async function userIdFromSession(sid: string | undefined): Promise<string | null> {
  if (!sid) return null;
  const session = await prisma.session.findUnique({ where: { id: sid }, select: { userId: true, expiresAt: true } });
  return session && session.expiresAt > new Date() ? session.userId : null;
}
