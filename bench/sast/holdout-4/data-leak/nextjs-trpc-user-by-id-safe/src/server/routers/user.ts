import { z } from 'zod';
import { PrismaClient } from '@prisma/client';
import { initTRPC } from '@trpc/server';

const prisma = new PrismaClient();
const t = initTRPC.create();

export const userRouter = t.router({
  byId: t.procedure.input(z.object({ id: z.string().cuid() })).query(async ({ input }) => {
    const user = await prisma.user.findUnique({ where: { id: input.id }, select: { id: true, name: true, image: true } });
    return user;
  }),
});
