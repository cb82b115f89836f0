const ldap = require('ldapjs');

const client = ldap.createClient({ url: process.env.LDAP_URL });
const BASE = 'ou=people,dc=example,dc=com';

function findPerson(username) {
  const filter = `(&(objectClass=inetOrgPerson)(uid=${username}))`;
  return new Promise((resolve, reject) => {
    client.search(BASE, { filter, scope: 'sub', attributes: ['dn', 'cn'] }, (err, search) => { // expect: ldap-injection
      if (err) return reject(err);
      let found = null;
      search.on('searchEntry', (e) => (found = found || { dn: e.objectName }));
      search.on('end', () => resolve(found));
      search.on('error', reject);
    });
  });
}

function bind(dn, password) {
  const userClient = ldap.createClient({ url: process.env.LDAP_URL });
  return new Promise((resolve) => userClient.bind(dn, String(password), (err) => resolve(!err)));
}

module.exports = { findPerson, bind };
