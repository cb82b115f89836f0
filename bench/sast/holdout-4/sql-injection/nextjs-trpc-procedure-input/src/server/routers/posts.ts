import { z } from 'zod';
import { router, publicProcedure } from '../trpc';
import { prisma } from '../db';

export const postsRouter = router({
  search: publicProcedure
    .input(z.object({ q: z.string().min(1), limit: z.number().int().min(1).max(50) }))
    .query(async ({ input }) => {
      const pattern = `%${input.q}%`;
      return prisma.$queryRawUnsafe(`SELECT id, title FROM "Post" WHERE title ILIKE '${pattern}' LIMIT ${input.limit}`); // expect: sql-injection
    }),
});
