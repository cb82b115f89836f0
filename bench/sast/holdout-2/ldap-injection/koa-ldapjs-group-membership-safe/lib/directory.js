const ldap = require('ldapjs');
const { filter: escapeFilter } = require('ldap-escape');

const client = ldap.createClient({ url: process.env.LDAP_URL || 'ldap://127.0.0.1:389' });

const groupFilter = (group, userDn) => escapeFilter`(&(objectClass=groupOfNames)(cn=${group})(member=${userDn}))`;

function isMember(group, userDn) {
  return new Promise((resolve, reject) => {
    client.search('ou=groups,dc=example,dc=com', { scope: 'sub', filter: groupFilter(group, userDn), attributes: ['cn'], sizeLimit: 1 }, (err, res) => {
      if (err) return reject(err);
      let found = false;
      res.on('searchEntry', () => {
        found = true;
      });
      res.on('error', reject);
      res.on('end', () => resolve(found));
    });
  });
}

module.exports = { isMember, escapeFilter };
