import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';

interface TicketQuery {
  status: 'open' | 'closed';
  since: string;
}

const querystring = {
  type: 'object',
  required: ['status', 'since'],
  properties: {
    status: { type: 'string', enum: ['open', 'closed'] },
    since: { type: 'string', maxLength: 64 },
  },
  additionalProperties: false,
} as const;

export default async function ticketRoutes(app: FastifyInstance, opts: { db: Knex }) {
  app.get<{ Querystring: TicketQuery }>('/tickets', { schema: { querystring } }, async (request) => {
    const { status, since } = request.query;
    const result = await opts.db.raw(`SELECT id, subject, opened_at FROM tickets WHERE status = '${status}' AND opened_at >= '${since}'`); // expect: sql-injection
    return result.rows;
  });
}
