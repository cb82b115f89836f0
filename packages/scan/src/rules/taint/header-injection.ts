import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'header-injection',
    title: "Request input reaches a response header value",
    practice: 1,
    cwe: 'CWE-113',
    severity: 'medium',
    confidence: 'high',
    description:
      "A value from the request is written into a response header (res.setHeader, res.set, ctx.set). With line breaks it splits the response and adds headers or a body; without them it can still set cookies or cache keys the client chooses.",
    fix: "Allow only the values you expect (an allowlist or a strict pattern), or encode the value (encodeURIComponent) and strip \\r and \\n.",
  },
  {
    valid: [
      "app.get('/dl', (req, res) => {\n  res.setHeader('Content-Disposition', 'attachment; filename=' + encodeURIComponent(req.query.name));\n  res.end();\n});",
    ],
    invalid: [
      "app.get('/dl', (req, res) => {\n  res.setHeader('Content-Disposition', 'attachment; filename=' + req.query.name);\n  res.end();\n});",
    ],
  },
);
