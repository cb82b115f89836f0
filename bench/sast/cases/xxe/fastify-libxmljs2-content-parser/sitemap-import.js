'use strict';
const fastify = require('fastify')({ bodyLimit: 2 * 1024 * 1024 });
const libxmljs = require('libxmljs2');

fastify.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (req, body, done) => {
  done(null, body);
});

fastify.post('/sitemaps/import', async (request) => {
  const doc = libxmljs.parseXmlString(request.body, { noent: true, noblanks: true }); // expect: xxe
  const ns = { s: 'http://www.sitemaps.org/schemas/sitemap/0.9' };
  const urls = doc.find('//s:url/s:loc', ns).map((node) => node.text());
  return { imported: urls.length, urls };
});

fastify.listen({ port: 3000 });
