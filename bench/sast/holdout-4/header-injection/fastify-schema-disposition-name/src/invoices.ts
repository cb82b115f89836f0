import type { FastifyInstance } from 'fastify';
import { renderInvoicePdf } from './pdf';

const querystring = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', maxLength: 80 },
  },
} as const;

export async function invoiceRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { id: number; name?: string } }>('/invoices/pdf', { schema: { querystring } }, async (request, reply) => {
    const { id, name = `invoice-${request.query.id}` } = request.query;
    const pdf = await renderInvoicePdf(id);
    reply.header('Content-Disposition', `attachment; filename="${name}.pdf"`); // expect: header-injection
    return reply.type('application/pdf').send(pdf);
  });
}
