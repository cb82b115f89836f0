'use strict';

const ldap = require('ldapjs');

const client = ldap.createClient({ url: process.env.LDAP_URL });
const ADMINS = 'cn=admins,ou=groups,dc=example,dc=org';

exports.isAdmin = (uid) => new Promise((resolve, reject) => {
  const opts = { scope: 'sub', filter: `(&(uid=${uid})(memberOf=${ADMINS}))`, sizeLimit: 1 };
  client.search('ou=people,dc=example,dc=org', opts, (err, res) => { // expect: ldap-injection
    if (err) return reject(err);
    let found = false;
    res.on('searchEntry', () => { found = true; });
    res.on('error', reject);
    res.on('end', () => resolve(found));
  });
});
