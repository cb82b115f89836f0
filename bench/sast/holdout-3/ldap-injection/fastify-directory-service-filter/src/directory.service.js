'use strict';

const ldap = require('ldapjs');

class DirectoryService {
  constructor(url, baseDn) {
    this.client = ldap.createClient({ url });
    this.baseDn = baseDn;
  }

  findPeople(uid) {
    const filter = `(&(objectClass=inetOrgPerson)(uid=${uid}))`;
    return new Promise((resolve, reject) => {
      this.client.search(this.baseDn, { scope: 'sub', filter, attributes: ['uid', 'cn', 'telephoneNumber'] }, (err, res) => { // expect: ldap-injection
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
