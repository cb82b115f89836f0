import ldap from 'ldapjs';

const client = ldap.createClient({ url: 'ldaps://ldap.corp.example' });

export function findUserDn(username) {
  const filter = '(&(objectClass=user)(sAMAccountName=' + username + '))';
  return new Promise((resolve, reject) => {
    client.search('dc=corp,dc=example', { filter, scope: 'sub', attributes: ['dn'] }, (err, res) => { // expect: ldap-injection
      if (err) return reject(err);
      let dn = null;
      res.on('searchEntry', (entry) => (dn = entry.dn.toString()));
      res.on('end', () => resolve(dn));
    });
  });
}
