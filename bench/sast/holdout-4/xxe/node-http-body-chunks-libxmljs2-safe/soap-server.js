const http = require('node:http');
const { parseXml } = require('libxmljs2');

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

http.createServer(async (req, res) => {
  const body = await readBody(req);
  const doc = parseXml(body, { noent: false, dtdload: false });
  const account = doc.get('//*[local-name()="AccountId"]')?.text() ?? '';
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(`received ${account.length} chars`);
}).listen(8080);
