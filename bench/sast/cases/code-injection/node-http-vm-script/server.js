const http = require('http');
const vm = require('vm');
const { URL } = require('url');

const reminders = [];
const remind = (label) => reminders.push({ label, at: Date.now() + 60_000 });

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url, 'http://localhost');
  const label = searchParams.get('label') || 'ping';
  new vm.Script('remind("' + label + '")').runInNewContext({ remind }); // expect: code-injection
  res.writeHead(202, { 'content-type': 'application/json' });
  res.end('{"scheduled":true}');
}).listen(3000);
