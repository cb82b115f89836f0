'use strict';

const Hapi = require('@hapi/hapi');
const Groups = require('./lib/ldap-groups');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/admin/elevate',
    handler: async (request, h) => {
      const { uid } = request.payload;
      if (!(await Groups.isAdmin(uid))) return h.response({ error: 'not an admin' }).code(403);
      request.yar.set('role', 'admin');
      return { ok: true };
    },
  });
  await server.start();
};

init();
