const http = require('http');

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url, 'http://localhost');
  const rendererModule = process.env.RENDERER_MODULE || './renderers/default';
  const renderer = require(rendererModule);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(renderer.render({ path: searchParams.get('page') })));
}).listen(3000);
