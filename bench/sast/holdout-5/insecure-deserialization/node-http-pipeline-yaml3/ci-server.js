const http = require('http');
const yaml = require('js-yaml');

http
  .createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/pipelines/validate') {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const pipeline = yaml.load(Buffer.concat(chunks).toString('utf8')); // expect: insecure-deserialization
        const steps = Array.isArray(pipeline.steps) ? pipeline.steps.map((s) => String(s.name)) : [];
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ valid: true, steps }));
      } catch (err) {
        res.writeHead(422, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ valid: false, error: err.message }));
      }
    });
  })
  .listen(8085);
