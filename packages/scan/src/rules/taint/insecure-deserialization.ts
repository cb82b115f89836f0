import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'insecure-deserialization',
    title: "Request input is deserialized by a library that can run code",
    practice: 1,
    cwe: 'CWE-502',
    severity: 'critical',
    confidence: 'high',
    description:
      "A value from the request reaches node-serialize unserialize, funcster, js-yaml unsafeLoad or a similar deserializer that rebuilds functions. A crafted payload runs code on the server while it is being parsed.",
    fix: "Accept JSON and parse it with JSON.parse (then validate it), or js-yaml load with the default safe schema.",
  },
  {
    valid: [
      "app.post('/prefs', (req, res) => {\n  const prefs = JSON.parse(req.cookies.prefs);\n  res.json({ theme: prefs.theme });\n});",
    ],
    invalid: [
      "const serialize = require('node-serialize');\napp.post('/prefs', (req, res) => {\n  const prefs = serialize.unserialize(req.cookies.prefs);\n  res.json({ theme: prefs.theme });\n});",
    ],
  },
);
