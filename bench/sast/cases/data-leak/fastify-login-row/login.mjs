import Fastify from 'fastify';
import argon2 from 'argon2';
import { pool } from './db.mjs';

const app = Fastify();

app.post('/login', async (request, reply) => {
  const { email, password } = request.body;
  const { rows } = await pool.query('SELECT id, email, display_name, password_hash FROM users WHERE email = $1', [email]);
  const user = rows[0];
  if (!user || !(await argon2.verify(user.password_hash, String(password)))) return reply.code(401).send({ error: 'invalid credentials' });
  return reply.send({ user }); // expect: data-leak
});

await app.listen({ port: 3000 });
