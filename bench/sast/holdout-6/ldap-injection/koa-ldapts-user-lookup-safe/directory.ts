import { Client } from 'ldapts';
import { filter as ldapFilter } from 'ldap-escape';

const client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.corp.example' });

export async function findPerson(uid: string) {
  const filter = ldapFilter`(&(objectClass=person)(uid=${uid}))`;
  const { searchEntries } = await client.search('ou=people,dc=corp,dc=example', { scope: 'sub', filter, attributes: ['cn', 'mail'] });
  return searchEntries;
}
