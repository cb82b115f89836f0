import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'prototype-pollution',
    title: "Request input chooses the keys of a nested object write",
    practice: 1,
    cwe: 'CWE-1321',
    severity: 'high',
    confidence: 'high',
    description:
      "Keys from the request drive a recursive merge, a deep setter (lodash merge/set, dot-prop, object-path) or a write such as obj[a][b] = v. The key \"__proto__\" then writes onto Object.prototype and changes every object in the process: a denial of service, an authorization bypass, or code execution through gadgets.",
    fix: "Reject the keys __proto__, constructor and prototype, build the target with Object.create(null) or a Map, or validate the input with a schema that allows only known keys.",
  },
  {
    valid: [
      "app.post('/prefs', (req, res) => {\n  const { section, key, value } = req.body;\n  if (section === '__proto__' || section === 'constructor' || key === '__proto__' || key === 'constructor') return res.sendStatus(400);\n  prefs[section][key] = value;\n  res.end();\n});",
      "app.post('/prefs', (req, res) => {\n  const m = new Map();\n  m.set(req.body.key, req.body.value);\n  res.end();\n});",
    ],
    invalid: [
      "app.post('/prefs', (req, res) => {\n  const { section, key, value } = req.body;\n  prefs[section][key] = value;\n  res.end();\n});",
      "const _ = require('lodash');\napp.post('/settings', (req, res) => {\n  _.merge(settings, req.body);\n  res.end();\n});",
    ],
  },
);
