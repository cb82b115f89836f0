import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'xss',
    title: "Request input is written into HTML without escaping",
    practice: 1,
    cwe: 'CWE-79',
    severity: 'high',
    confidence: 'high',
    description:
      "A value from the request is placed into an HTML response (res.send, res.write, res.end, ctx.body, h.response) or a DOM sink (innerHTML, document.write, dangerouslySetInnerHTML) without HTML escaping. A script in the value runs in the victim's browser with their session.",
    fix: "Render through a template engine that escapes by default, escape with a library (escape-html, he) before building HTML, or answer JSON or text/plain.",
  },
  {
    valid: [
      "const escapeHtml = require('escape-html');\napp.get('/s', (req, res) => {\n  res.send('<p>No results for ' + escapeHtml(req.query.q) + '</p>');\n});",
      "app.get('/s', (req, res) => {\n  res.json({ query: req.query.q });\n});",
      "app.get('/s', (req, res) => {\n  res.type('text/plain').send('You searched ' + req.query.q);\n});",
    ],
    invalid: [
      "app.get('/s', (req, res) => {\n  res.send('<p>No results for ' + req.query.q + '</p>');\n});",
      "const http = require('http');\nhttp.createServer((req, res) => {\n  const name = new URL(req.url, 'http://x').searchParams.get('name');\n  res.writeHead(200, { 'Content-Type': 'text/html' });\n  res.end(`<h1>Hello ${name}</h1>`);\n});",
    ],
  },
);
