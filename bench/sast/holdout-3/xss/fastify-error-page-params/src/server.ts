import Fastify from 'fastify';
import { notFoundPage } from './pages';

const app = Fastify();
const articles = new Map<string, string>([['hello', '<p>Hello!</p>']]);

app.get<{ Params: { slug: string } }>('/articles/:slug', async (request, reply) => {
  const article = articles.get(request.params.slug);
  if (article) return reply.type('text/html').send(article);
  return reply.code(404).type('text/html').send(notFoundPage(request.params.slug)); // expect: xss
});

app.listen({ port: 3000 });
