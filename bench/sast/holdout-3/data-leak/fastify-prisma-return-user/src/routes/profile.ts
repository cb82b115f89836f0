import type { FastifyInstance } from 'fastify';
import { prisma } from '../prisma';

export default async function profileRoutes(app: FastifyInstance) {
  app.get<{ Params: { handle: string } }>('/profiles/:handle', async (request, reply) => {
    const user = await prisma.user.findUnique({ where: { handle: request.params.handle } });
    if (!user) return reply.code(404).send({ error: 'not found' });
    return user; // expect: data-leak
  });
}
