const { Server } = require('socket.io');
const ldap = require('ldapjs');
const { filter: escapeFilter } = require('ldap-escape');

const client = ldap.createClient({ url: process.env.LDAP_URL });
const io = new Server(3002);

io.on('connection', (socket) => {
  socket.on('people:search', (prefix, ack) => {
    const filter = `(&(objectClass=person)(cn=${escapeFilter`${String(prefix)}`}*))`;
    const people = [];
    client.search('ou=people,dc=example,dc=com', { filter, scope: 'sub', attributes: ['cn', 'mail'], sizeLimit: 10 }, (err, res) => {
      if (err) return ack([]);
      res.on('searchEntry', (entry) => people.push(entry.pojo));
      res.on('end', () => ack(people));
      res.on('error', () => ack(people));
    });
  });
});
