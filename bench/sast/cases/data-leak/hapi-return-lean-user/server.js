'use strict';

const Hapi = require('@hapi/hapi');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ name: String, email: String, passwordHash: String, resetToken: String }));

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/members/{id}',
    handler: async (request, h) => {
      if (!mongoose.isValidObjectId(request.params.id)) return h.response({ error: 'not found' }).code(404);
      const member = await User.findById(request.params.id).lean();
      return member; // expect: data-leak
    },
  });
  await server.start();
};

init();
