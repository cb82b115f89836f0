'use strict';

const Hapi = require('@hapi/hapi');
const Wreck = require('@hapi/wreck');
const { isAllowedFeed } = require('./lib/feeds');

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'POST',
    path: '/feeds/preview',
    handler: async (request, h) => {
      const feedUrl = String((request.payload || {}).feedUrl || '');
      if (!isAllowedFeed(feedUrl)) {
        return h.response({ error: 'unsupported feed URL' }).code(400);
      }
      const { payload } = await Wreck.get(feedUrl, { timeout: 5000, maxBytes: 1048576 });
      return { bytes: payload.length };
    },
  });

  await server.start();
};

init();
