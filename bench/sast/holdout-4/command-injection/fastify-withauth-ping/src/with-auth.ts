import type { FastifyReply, FastifyRequest } from 'fastify';

type Handler<T> = (request: FastifyRequest, reply: FastifyReply) => Promise<T>;

// Rejects calls without the ops token before the wrapped handler runs.
export function withAuth<T>(handler: Handler<T>): Handler<T | { error: string }> {
  return async (request, reply) => {
    if (request.headers['x-ops-token'] !== process.env.OPS_TOKEN) {
      reply.code(401);
      return { error: 'unauthorized' };
    }
    return handler(request, reply);
  };
}
