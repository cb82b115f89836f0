import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../../lib/auth';
import prisma from '../../lib/prisma';

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) return res.status(401).end();
  const user = await prisma.user.findUnique({ where: { email: session.user.email } });
  if (!user) return res.status(404).end();
  const { passwordHash, resetToken, ...body } = user;
  res.status(200).json(body);
}
