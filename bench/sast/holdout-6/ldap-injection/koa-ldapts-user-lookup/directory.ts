import { Client } from 'ldapts';

const client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.corp.example' });

export async function findPerson(uid: string) {
  const filter = `(&(objectClass=person)(uid=${uid}))`;
  const { searchEntries } = await client.search('ou=people,dc=corp,dc=example', { scope: 'sub', filter, attributes: ['cn', 'mail'] }); // expect: ldap-injection
  return searchEntries;
}
