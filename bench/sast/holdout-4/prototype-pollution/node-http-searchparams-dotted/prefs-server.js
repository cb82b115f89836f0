const http = require('node:http');

const defaults = () => ({ display: { density: 'comfortable' }, privacy: { showEmail: 'no' } });

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const prefs = defaults();
  for (const [key, value] of url.searchParams) {
    const [section, field] = key.split('.');
    if (!field) continue;
    prefs[section][field] = value; // expect: prototype-pollution
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(prefs));
}).listen(8080);
