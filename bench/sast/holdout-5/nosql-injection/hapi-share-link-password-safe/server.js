const Hapi = require('@hapi/hapi');
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);

const start = async () => {
  await mongo.connect();
  const shares = mongo.db('files').collection('shares');
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/s/{slug}',
    handler: async (request, h) => {
      const { password } = request.payload || {};
      if (typeof password !== 'string') return h.response({ error: 'wrong password' }).code(403);
      const share = await shares.findOne({ slug: request.params.slug, password }, { projection: { fileId: 1, name: 1 } });
      if (!share) return h.response({ error: 'wrong password' }).code(403);
      return { fileId: share.fileId, name: share.name };
    },
  });
  await server.start();
};

start();
