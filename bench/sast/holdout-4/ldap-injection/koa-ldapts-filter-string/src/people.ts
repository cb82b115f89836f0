import Router from '@koa/router';
import { Client, AndFilter, EqualityFilter } from 'ldapts';

const client = new Client({ url: 'ldaps://ldap.internal:636' });

export const people = new Router();

people.get('/people/:uid', async (ctx) => {
  const uid = ctx.params.uid;
  await client.bind(process.env.LDAP_BIND_DN ?? '', process.env.LDAP_BIND_PW ?? '');
  try {
    const filter = `(&(objectClass=inetOrgPerson)(uid=${uid}))`;
    const { searchEntries } = await client.search('ou=people,dc=example,dc=com', { filter, attributes: ['cn', 'mail'] }); // expect: ldap-injection
    ctx.body = searchEntries.map((e) => ({ cn: e.cn, mail: e.mail }));
  } finally {
    await client.unbind();
  }
});
