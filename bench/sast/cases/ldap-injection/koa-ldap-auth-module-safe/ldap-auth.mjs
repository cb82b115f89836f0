import ldap from 'ldapjs';
import ldapEscape from 'ldap-escape';

const client = ldap.createClient({ url: 'ldaps://ldap.corp.example' });

export function findUserDn(username) {
  const filter = '(&(objectClass=user)(sAMAccountName=' + ldapEscape.filter`${String(username)}` + '))';
  return new Promise((resolve, reject) => {
    client.search('dc=corp,dc=example', { filter, scope: 'sub', attributes: ['dn'] }, (err, res) => {
      if (err) return reject(err);
      let dn = null;
      res.on('searchEntry', (entry) => (dn = entry.dn.toString()));
      res.on('end', () => resolve(dn));
    });
  });
}
