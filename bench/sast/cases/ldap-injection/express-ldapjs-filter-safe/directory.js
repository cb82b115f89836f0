const express = require('express');
const ldap = require('ldapjs');
const ldapEscape = require('ldap-escape');

const client = ldap.createClient({ url: 'ldaps://ldap.corp.example' });
const app = express();

app.get('/directory/person', (req, res, next) => {
  const uid = String(req.query.uid);
  const opts = { scope: 'sub', filter: ldapEscape.filter`(&(objectClass=person)(uid=${uid}))`, attributes: ['cn', 'mail'] };
  client.search('ou=people,dc=corp,dc=example', opts, (err, search) => {
    if (err) return next(err);
    const people = [];
    search.on('searchEntry', (entry) => people.push(entry.pojo));
    search.on('end', () => res.json(people));
  });
});

app.listen(3000);
