import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'xml-injection',
    title: "Request input is spliced into XML markup",
    practice: 1,
    cwe: 'CWE-91',
    severity: 'medium',
    confidence: 'high',
    description:
      "A value from the request is concatenated into XML text that is then parsed or sent on. Angle brackets and quotes in the value add elements or attributes: a client can grant itself a role or change an order in the document.",
    fix: "Build XML with a builder that escapes text (xmlbuilder2, fast-xml-parser XMLBuilder), or escape <, >, &, quotes before splicing.",
  },
  {
    valid: [
      "const { parseString } = require('xml2js');\nconst escapeXml = (s) => String(s).replace(/[<>&'\"]/g, '');\napp.post('/o', (req, res) => {\n  parseString('<order><item>' + escapeXml(req.body.item) + '</item></order>', () => res.end());\n});",
    ],
    invalid: [
      "const { parseString } = require('xml2js');\napp.post('/o', (req, res) => {\n  parseString('<order><item>' + req.body.item + '</item></order>', () => res.end());\n});",
    ],
  },
);
