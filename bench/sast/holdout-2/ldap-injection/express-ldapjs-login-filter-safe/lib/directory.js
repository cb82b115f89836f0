const ldap = require('ldapjs');

const BASE_DN = 'ou=people,dc=example,dc=com';
const client = ldap.createClient({ url: process.env.LDAP_URL || 'ldap://127.0.0.1:389' });

function personFilter(username) {
  return new ldap.AndFilter({
    filters: [
      new ldap.EqualityFilter({ attribute: 'objectClass', value: 'person' }),
      new ldap.EqualityFilter({ attribute: 'uid', value: username }),
    ],
  });
}

function findPerson(username) {
  return new Promise((resolve, reject) => {
    client.search(BASE_DN, { scope: 'sub', filter: personFilter(username), attributes: ['cn', 'mail'] }, (err, res) => {
      if (err) return reject(err);
      let found = null;
      res.on('searchEntry', (entry) => {
        found = { dn: entry.objectName, cn: entry.pojo.attributes.find((a) => a.type === 'cn')?.values[0] };
      });
      res.on('error', reject);
      res.on('end', () => resolve(found));
    });
  });
}

function bindAs(dn, password) {
  const userClient = ldap.createClient({ url: process.env.LDAP_URL || 'ldap://127.0.0.1:389' });
  return new Promise((resolve) => {
    userClient.bind(dn, password, (err) => {
      userClient.unbind();
      resolve(!err);
    });
  });
}

module.exports = { findPerson, bindAs };
