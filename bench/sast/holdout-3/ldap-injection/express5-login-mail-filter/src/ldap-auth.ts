import ldap, { type Client, type SearchEntry } from 'ldapjs';
import { promisify } from 'node:util';

const BASE_DN = 'ou=staff,dc=acme,dc=test';

function searchOne(client: Client, filter: string): Promise<SearchEntry | undefined> {
  return new Promise((resolve, reject) => {
    client.search(BASE_DN, { scope: 'one', filter, sizeLimit: 2 }, (err, res) => { // expect: ldap-injection
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
  const entry = await searchOne(client, `(&(mail=${email})(accountStatus=active))`);
  if (!entry) return null;
  await promisify(client.bind.bind(client))(entry.dn.toString(), password);
  return entry.dn.toString();
}
