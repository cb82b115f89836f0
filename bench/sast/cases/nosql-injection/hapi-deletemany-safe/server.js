const Hapi = require('@hapi/hapi');
const mongoose = require('mongoose');

const Draft = mongoose.model('Draft', new mongoose.Schema({ owner: String, body: String }));

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'DELETE',
    path: '/drafts',
    handler: async (request, h) => {
      const result = await Draft.deleteMany({ owner: String(request.payload.owner) });
      return h.response({ deleted: result.deletedCount });
    },
  });
  await server.start();
};

init();
