import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'xpath-injection',
    title: "Request input reaches an XPath expression",
    practice: 1,
    cwe: 'CWE-643',
    severity: 'high',
    confidence: 'high',
    description:
      "A value from the request is concatenated into an XPath expression (xpath.select, document.evaluate, libxmljs find). Quotes in the value change the query: it can match every node, skip a password check, or read other parts of the document.",
    fix: "Check the value against a strict pattern, or pass it as an XPath variable instead of building the expression from text.",
  },
  {
    valid: [
      "const xpath = require('xpath');\napp.get('/u', (req, res) => {\n  if (!/^[a-z0-9]+$/.test(req.query.name)) return res.sendStatus(400);\n  res.json(xpath.select(`//user[@name='${req.query.name}']`, doc).length);\n});",
    ],
    invalid: [
      "const xpath = require('xpath');\napp.get('/u', (req, res) => {\n  res.json(xpath.select(`//user[@name='${req.query.name}']`, doc).length);\n});",
    ],
  },
);
