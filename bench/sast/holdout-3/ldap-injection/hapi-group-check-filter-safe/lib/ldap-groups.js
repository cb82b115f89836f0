'use strict';

const ldap = require('ldapjs');

const client = ldap.createClient({ url: process.env.LDAP_URL });
const ADMINS = 'cn=admins,ou=groups,dc=example,dc=org';

exports.isAdmin = (uid) => new Promise((resolve, reject) => {
  const filter = new ldap.AndFilter({
    filters: [
      new ldap.EqualityFilter({ attribute: 'uid', value: String(uid) }),
      new ldap.EqualityFilter({ attribute: 'memberOf', value: ADMINS }),
    ],
  });
  const opts = { scope: 'sub', filter, sizeLimit: 1 };
  client.search('ou=people,dc=example,dc=org', opts, (err, res) => {
    if (err) return reject(err);
    let found = false;
    res.on('searchEntry', () => { found = true; });
    res.on('error', reject);
    res.on('end', () => resolve(found));
  });
});
