import Fastify from 'fastify';
import libxmljs from 'libxmljs';

const app = Fastify();

app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (request, body, done) => {
  done(null, body);
});

app.post('/sitemaps/validate', async (request) => {
  const xml = request.body;
  const doc = libxmljs.parseXmlString(xml, { noblanks: true });
  const urls = doc.find('//*[local-name()="loc"]').map((n) => n.text());
  return { count: urls.length, first: urls.slice(0, 5) };
});

app.listen({ port: 3000 });
