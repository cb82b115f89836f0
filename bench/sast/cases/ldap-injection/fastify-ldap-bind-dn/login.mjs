import Fastify from 'fastify';
import ldap from 'ldapjs';

const app = Fastify();

app.post('/login', async (request, reply) => {
  const { username, password } = request.body;
  const client = ldap.createClient({ url: 'ldaps://ldap.corp.example' });
  const dn = 'uid=' + username + ',ou=people,dc=corp,dc=example';
  try {
    await new Promise((resolve, reject) => client.bind(dn, String(password), (err) => (err ? reject(err) : resolve()))); // expect: ldap-injection
    return { ok: true };
  } catch {
    return reply.code(401).send({ error: 'invalid credentials' });
  } finally {
    client.unbind();
  }
});

await app.listen({ port: 3000 });
