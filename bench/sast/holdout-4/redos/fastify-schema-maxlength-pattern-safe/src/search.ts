import type { FastifyInstance } from 'fastify';
import { containsMatcher } from './matcher';

const querystring = {
  type: 'object',
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200 },
    field: { type: 'string', enum: ['title', 'author'] },
  },
} as const;

type Book = { title: string; author: string };

export async function searchRoutes(app: FastifyInstance, opts: { books: Book[] }) {
  app.get<{ Querystring: { q: string; field?: 'title' | 'author' } }>('/books/search', { schema: { querystring } }, async (request) => {
    const { q, field = 'title' } = request.query;
    const matcher = containsMatcher(q);
    return opts.books.filter((b) => matcher.test(b[field])).slice(0, 20);
  });
}
