import ldap, { type Client, type SearchEntry } from 'ldapjs';
import { promisify } from 'node:util';

const BASE_DN = 'ou=staff,dc=acme,dc=test';

function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

function searchOne(client: Client, filter: string): Promise<SearchEntry | undefined> {
  return new Promise((resolve, reject) => {
    client.search(BASE_DN, { scope: 'one', filter, sizeLimit: 2 }, (err, res) => {
      if (err) return reject(err);
      let first: SearchEntry | undefined;
      res.on('searchEntry', (entry) => { first ??= entry; });
      res.on('error', reject);
      res.on('end', () => resolve(first));
    });
  });
}

export async function authenticate(email: string, password: string): Promise<string | null> {
  const client = ldap.createClient({ url: 'ldaps://ldap.acme.test' });
  const entry = await searchOne(client, `(&(mail=${escapeFilterValue(String(email))})(accountStatus=active))`);
  if (!entry) return null;
  await promisify(client.bind.bind(client))(entry.dn.toString(), password);
  return entry.dn.toString();
}
