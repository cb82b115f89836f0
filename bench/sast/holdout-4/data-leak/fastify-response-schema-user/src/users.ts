import type { FastifyInstance } from 'fastify';
import type { PrismaClient } from '@prisma/client';

const params = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  required: ['id'],
} as const;

const schema = { params };

export async function userRoutes(app: FastifyInstance, opts: { prisma: PrismaClient }) {
  app.get<{ Params: { id: number } }>('/users/:id', { schema }, async (request, reply) => {
    const user = await opts.prisma.user.findUnique({ where: { id: request.params.id } });
    if (!user) return reply.code(404).send({ error: 'not found' });
    return user; // expect: data-leak
  });
}
