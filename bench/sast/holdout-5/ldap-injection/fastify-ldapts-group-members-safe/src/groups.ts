import Fastify from 'fastify';
import { Client } from 'ldapts';

const app = Fastify();
const client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.example.com' });

app.get<{ Params: { group: string } }>('/groups/:group/members', async (request, reply) => {
  const { group } = request.params;
  if (!/^[a-z0-9-]{1,40}$/.test(group)) return reply.code(400).send({ error: 'invalid group name' });
  await client.bind(process.env.LDAP_BIND_DN ?? '', process.env.LDAP_BIND_PW ?? '');
  try {
    const { searchEntries } = await client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: `(memberOf=cn=${group},ou=groups,dc=example,dc=com)`, attributes: ['cn', 'mail'] });
    return searchEntries.map((e) => ({ cn: e.cn, mail: e.mail }));
  } finally {
    await client.unbind();
  }
});

app.listen({ port: 3000 });
