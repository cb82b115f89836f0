import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { Pool } from 'pg';

const t = initTRPC.create();
const db = new Pool();

export const tagsRouter = t.router({
  rename: t.procedure
    .input(z.object({ id: z.number().int(), name: z.string().max(40) }))
    .mutation(async ({ input }) => {
      await db.query('UPDATE tags SET name = $1 WHERE id = $2', [input.name, input.id]);
      return { ok: true };
    }),
});
