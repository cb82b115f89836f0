import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';

const GreetQuery = Type.Object({
  name: Type.String({ pattern: '^[A-Za-z ]{1,40}$' }),
  lang: Type.Union([Type.Literal('en'), Type.Literal('de')]),
});
type GreetQuery = Static<typeof GreetQuery>;

const HELLO = { en: 'Hello', de: 'Hallo' } as const;

export async function greetRoutes(app: FastifyInstance) {
  app.get<{ Querystring: GreetQuery }>('/greet', { schema: { querystring: GreetQuery } }, async (request, reply) => {
    const { name, lang } = request.query;
    return reply.type('text/html; charset=utf-8').send(`<h1>${HELLO[lang]}, ${name}!</h1>`);
  });
}
