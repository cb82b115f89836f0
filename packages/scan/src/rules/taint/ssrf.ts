import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'ssrf',
    title: "Request input chooses where the server sends a request",
    practice: 1,
    cwe: 'CWE-918',
    severity: 'high',
    confidence: 'high',
    description:
      "A URL or host from the request reaches an HTTP client (fetch, axios, got, node-fetch, undici, http.request). The server can be made to call internal services, cloud metadata endpoints (169.254.169.254) or other hosts on the attacker's behalf.",
    fix: "Do not let the client choose the host: keep a fixed base URL and pass input only as an encoded path or query part (encodeURIComponent), or check the parsed hostname against an allowlist.",
  },
  {
    valid: [
      "app.get('/p', async (req, res) => {\n  const r = await fetch('https://api.example.com/items/' + encodeURIComponent(req.query.id));\n  res.json(await r.json());\n});",
      "const ALLOWED = new Set(['api.example.com']);\napp.get('/p', async (req, res) => {\n  const u = new URL(req.query.url);\n  if (!ALLOWED.has(u.hostname)) return res.sendStatus(400);\n  res.json(await (await fetch(u)).json());\n});",
    ],
    invalid: [
      "const axios = require('axios');\napp.get('/p', async (req, res) => {\n  const r = await axios.get(req.query.url);\n  res.json(r.data);\n});",
      "app.post('/hook', async (req, res) => {\n  await fetch(`http://${req.body.host}/notify`);\n  res.end();\n});",
    ],
  },
);
