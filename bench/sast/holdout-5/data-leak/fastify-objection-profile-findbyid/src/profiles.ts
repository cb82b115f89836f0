import Fastify from 'fastify';
import Knex from 'knex';
import { Model } from 'objection';

class User extends Model {
  static tableName = 'users';
}

Model.knex(Knex({ client: 'pg', connection: process.env.DATABASE_URL }));
const app = Fastify();

app.get<{ Params: { id: string } }>('/profiles/:id', async (request, reply) => {
  const user = await User.query().findById(Number(request.params.id));
  if (!user) return reply.code(404).send({ error: 'not found' });
  return user; // expect: data-leak
});

app.listen({ port: 3000 });
