import type { FastifyInstance } from 'fastify';
import type { PrismaClient } from '@prisma/client';

const params = {
  type: 'object',
  properties: { id: { type: 'integer' } },
  required: ['id'],
} as const;

// Fastify serializes through this schema: fields it does not list are not sent.
const schema = {
  params,
  response: {
    200: {
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' }, avatarUrl: { type: 'string', nullable: true } },
    },
  },
};

export async function userRoutes(app: FastifyInstance, opts: { prisma: PrismaClient }) {
  app.get<{ Params: { id: number } }>('/users/:id', { schema }, async (request, reply) => {
    const user = await opts.prisma.user.findUnique({ where: { id: request.params.id } });
    if (!user) return reply.code(404).send({ error: 'not found' });
    return user;
  });
}
