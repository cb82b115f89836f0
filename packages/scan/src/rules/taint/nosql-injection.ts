import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'nosql-injection',
    title: "Request input that may be an operator object reaches a MongoDB filter",
    practice: 1,
    cwe: 'CWE-943',
    severity: 'high',
    confidence: 'high',
    description:
      "JSON bodies and query strings can carry objects, so a filter such as { user: req.body.user } receives { \"$ne\": null } and matches every document; $where runs JavaScript. Login checks, lookups and deletes built this way can be bypassed or widened by the client.",
    fix: "Turn input into the type you expect before it reaches a filter (String(x), a schema such as zod or Joi), or use { $eq: value }; strip keys starting with $ (mongo-sanitize).",
  },
  {
    valid: [
      "app.post('/login', async (req, res) => {\n  const user = await Users.findOne({ name: String(req.body.name) }, 'name');\n  res.json({ ok: !!user });\n});",
      "app.get('/u/:id', async (req, res) => {\n  const user = await Users.findOne({ name: req.params.id }, 'name');\n  res.json({ name: user.name });\n});",
    ],
    invalid: [
      "app.post('/login', async (req, res) => {\n  const user = await Users.findOne({ name: req.body.name, password: req.body.password }, 'name');\n  res.json({ ok: !!user });\n});",
      "app.get('/q', async (req, res) => {\n  const filter = JSON.parse(req.query.filter);\n  await Orders.deleteMany(filter);\n  res.end();\n});",
    ],
  },
);
