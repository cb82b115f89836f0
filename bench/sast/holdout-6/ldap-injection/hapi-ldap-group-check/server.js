const Hapi = require('@hapi/hapi');
const ldap = require('ldapjs');

const client = ldap.createClient({ url: 'ldap://ldap.internal:389' });

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/access/check',
    handler: (request) => new Promise((resolve, reject) => {
      const { uid, group } = request.payload;
      const filter = '(&(cn=' + group + ')(memberUid=' + uid + '))';
      client.search('ou=groups,dc=example,dc=com', { filter, scope: 'one' }, (err, res) => { // expect: ldap-injection
        if (err) return reject(err);
        let found = false;
        res.on('searchEntry', () => { found = true; });
        res.on('end', () => resolve({ uid, allowed: found }));
      });
    }),
  });
  await server.start();
};
init();
