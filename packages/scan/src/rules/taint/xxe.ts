import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'xxe',
    title: "Request input is parsed as XML with external entities on",
    practice: 1,
    cwe: 'CWE-611',
    severity: 'high',
    confidence: 'high',
    description:
      "XML from the request is parsed with entity substitution enabled (libxmljs parseXml with noent: true and similar). A DOCTYPE declaring an external entity reads local files (file:///etc/passwd) or calls internal URLs; nested entities exhaust memory.",
    fix: "Parse with entity substitution off (the default of libxmljs; do not pass noent: true), or use a parser without DTD support.",
  },
  {
    valid: [
      "const libxml = require('libxmljs');\napp.post('/x', (req, res) => {\n  const doc = libxml.parseXml(req.body, { noent: false });\n  res.json({ root: doc.root().name() });\n});",
    ],
    invalid: [
      "const libxml = require('libxmljs');\napp.post('/x', (req, res) => {\n  const doc = libxml.parseXml(req.body, { noent: true });\n  res.json({ root: doc.root().name() });\n});",
    ],
  },
);
