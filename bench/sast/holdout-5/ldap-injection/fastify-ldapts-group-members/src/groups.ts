import Fastify from 'fastify';
import { Client } from 'ldapts';

const app = Fastify();
const client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.example.com' });

app.get<{ Params: { group: string } }>('/groups/:group/members', async (request, reply) => {
  const { group } = request.params;
  await client.bind(process.env.LDAP_BIND_DN ?? '', process.env.LDAP_BIND_PW ?? '');
  try {
    const { searchEntries } = await client.search('ou=people,dc=example,dc=com', { scope: 'sub', filter: `(memberOf=cn=${group},ou=groups,dc=example,dc=com)`, attributes: ['cn', 'mail'] }); // expect: ldap-injection
    return searchEntries.map((e) => ({ cn: e.cn, mail: e.mail }));
  } finally {
    await client.unbind();
  }
});

app.listen({ port: 3000 });
