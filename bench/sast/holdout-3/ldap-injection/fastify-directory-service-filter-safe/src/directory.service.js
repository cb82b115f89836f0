'use strict';

const ldap = require('ldapjs');
const ldapEscape = require('ldap-escape');

class DirectoryService {
  constructor(url, baseDn) {
    this.client = ldap.createClient({ url });
    this.baseDn = baseDn;
  }

  findPeople(uid) {
    const filter = ldapEscape.filter`(&(objectClass=inetOrgPerson)(uid=${uid}))`;
    return new Promise((resolve, reject) => {
      this.client.search(this.baseDn, { scope: 'sub', filter, attributes: ['uid', 'cn', 'telephoneNumber'] }, (err, res) => {
        if (err) return reject(err);
        const people = [];
        res.on('searchEntry', (entry) => people.push(entry.pojo));
        res.on('error', reject);
        res.on('end', () => resolve(people));
      });
    });
  }
}

module.exports = { DirectoryService };
