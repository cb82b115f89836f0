import Fastify from 'fastify';
import ldap from 'ldapjs';
import ldapEscape from 'ldap-escape';

const app = Fastify();

app.post('/login', async (request, reply) => {
  const { username, password } = request.body;
  const client = ldap.createClient({ url: 'ldaps://ldap.corp.example' });
  const dn = ldapEscape.dn`uid=${String(username)},ou=people,dc=corp,dc=example`;
  try {
    await new Promise((resolve, reject) => client.bind(dn, String(password), (err) => (err ? reject(err) : resolve())));
    return { ok: true };
  } catch {
    return reply.code(401).send({ error: 'invalid credentials' });
  } finally {
    client.unbind();
  }
});

await app.listen({ port: 3000 });
