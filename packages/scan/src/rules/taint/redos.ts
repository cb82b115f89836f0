import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'redos',
    title: "Request input becomes a regular expression",
    practice: 1,
    cwe: 'CWE-1333',
    severity: 'medium',
    confidence: 'high',
    description:
      "A value from the request is compiled with new RegExp(). A crafted pattern such as (a+)+$ backtracks for minutes on a short string and blocks the event loop (ReDoS); an invalid one throws.",
    fix: "Escape input before it goes into a pattern (lodash escapeRegExp, escape-string-regexp), or search with String.prototype.includes.",
  },
  {
    valid: [
      "const escapeRegExp = require('lodash/escapeRegExp');\napp.get('/s', (req, res) => {\n  const re = new RegExp(escapeRegExp(req.query.q), 'i');\n  res.json(items.filter((i) => re.test(i)));\n});",
      "app.get('/s', (req, res) => {\n  res.json(items.filter((i) => i.includes(req.query.q)));\n});",
    ],
    invalid: [
      "app.get('/s', (req, res) => {\n  const re = new RegExp(req.query.q, 'i');\n  res.json(items.filter((i) => re.test(i)));\n});",
    ],
  },
);
