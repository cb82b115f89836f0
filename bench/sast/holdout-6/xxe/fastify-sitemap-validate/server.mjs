import Fastify from 'fastify';
import libxmljs from 'libxmljs';

const app = Fastify();
app.addContentTypeParser('application/xml', { parseAs: 'string' }, (req, body, done) => done(null, body));

app.post('/seo/sitemap/validate', async (request) => {
  const doc = libxmljs.parseXmlString(request.body, { noent: true, dtdload: true }); // expect: xxe
  const locs = doc.find('//*[local-name()="loc"]').map((n) => n.text());
  return { urls: locs.length, sample: locs.slice(0, 5) };
});

await app.listen({ port: 3000 });
