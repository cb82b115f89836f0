'use strict';

const Hapi = require('@hapi/hapi');
const mongoose = require('mongoose');
const User = require('./models/user');

const init = async () => {
  await mongoose.connect(process.env.MONGO_URL);
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'GET',
    path: '/users/{id}/profile',
    handler: async (request, h) => {
      if (!mongoose.isValidObjectId(request.params.id)) {
        return h.response({ error: 'not found' }).code(404);
      }
      const user = await User.findById(request.params.id).select('username displayName bio').lean();
      if (!user) {
        return h.response({ error: 'not found' }).code(404);
      }
      return h.response(user);
    },
  });

  await server.start();
};

init();
