import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'data-leak',
    title: "Whole database records or secret fields reach a response",
    practice: 5,
    cwe: 'CWE-200',
    severity: 'high',
    confidence: 'high',
    description:
      "A response sends whole database rows or ORM entities (SELECT *, findAll() or find() without attributes or a projection), or an object carrying fields such as password, passwordHash, ssn, token or secret. Every column, including password hashes and personal data, goes to the client.",
    fix: "Select the columns the client needs (attributes, select, a projection or an explicit column list) or map records to a response shape that leaves secrets out.",
  },
  {
    valid: [
      "app.get('/users', async (req, res) => {\n  const users = await User.findAll({ attributes: ['id', 'name'] });\n  res.json(users);\n});",
      "app.get('/users', async (req, res) => {\n  const { rows } = await db.query('SELECT * FROM users');\n  res.json(rows.map((u) => ({ id: u.id, name: u.name })));\n});",
    ],
    invalid: [
      "app.get('/users', async (req, res) => {\n  const users = await User.findAll();\n  res.json(users);\n});",
      "app.get('/users', async (req, res) => {\n  const { rows } = await db.query('SELECT * FROM users');\n  res.json(rows);\n});",
      "app.get('/me', async (req, res) => {\n  const u = await User.findByPk(req.user.id, { attributes: ['id', 'name', 'passwordHash'] });\n  res.json({ id: u.id, name: u.name, hash: u.passwordHash });\n});",
    ],
  },
);
