const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const fs = require('fs/promises');
const path = require('path');

const NOTES = '/srv/notes';

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'PUT',
    path: '/notes/{name}',
    options: {
      validate: { params: Joi.object({ name: Joi.string().pattern(/^[a-z0-9-]{1,64}\.txt$/).required() }) },
    },
    handler: async (request, h) => {
      await fs.writeFile(path.join(NOTES, request.params.name), String(request.payload.content));
      return h.response().code(204);
    },
  });
  await server.start();
};

init();
