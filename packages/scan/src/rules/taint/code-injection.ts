import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'code-injection',
    title: "Request input is executed as code",
    practice: 1,
    cwe: 'CWE-94',
    severity: 'critical',
    confidence: 'high',
    description:
      "A value from the request reaches eval, new Function, the vm module, a string timer, or require/import of a module it names. The client can run arbitrary JavaScript inside the server process.",
    fix: "Never execute input. Parse data with JSON.parse, map names to functions through a fixed object, and import only modules named in the code.",
  },
  {
    valid: [
      "app.get('/calc', (req, res) => {\n  const n = Number(req.query.n);\n  res.json({ v: eval('2 * ' + n) });\n});",
      "const handlers = { a: () => 1 };\napp.get('/x', (req, res) => res.json({ v: handlers[req.query.op]?.() }));",
    ],
    invalid: [
      "app.get('/calc', (req, res) => {\n  res.json({ v: eval(req.query.expr) });\n});",
      "app.post('/rule', (req, res) => {\n  const fn = new Function('order', 'return ' + req.body.rule);\n  res.json({ ok: fn({}) });\n});",
    ],
  },
);
