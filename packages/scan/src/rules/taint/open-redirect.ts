import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'open-redirect',
    title: "Request input chooses where the client is redirected",
    practice: 1,
    cwe: 'CWE-601',
    severity: 'medium',
    confidence: 'high',
    description:
      "A URL from the request reaches res.redirect, ctx.redirect, reply.redirect or a Location header. Links on your own domain then send users to a phishing page, and OAuth-style flows leak tokens to the attacker's site.",
    fix: "Redirect only to relative paths that start with a single \"/\" (not \"//\"), or to URLs whose host is on an allowlist.",
  },
  {
    valid: [
      "app.get('/go', (req, res) => {\n  const to = req.query.to;\n  if (!to.startsWith('/') || to.startsWith('//')) return res.redirect('/');\n  res.redirect(to);\n});",
      "const TARGETS = { home: '/', docs: '/docs' };\napp.get('/go', (req, res) => res.redirect(TARGETS[req.query.to] ?? '/'));",
    ],
    invalid: [
      "app.get('/go', (req, res) => {\n  res.redirect(req.query.next);\n});",
      "router.get('/login/done', (ctx) => {\n  ctx.redirect(ctx.query.returnTo);\n});",
    ],
  },
);
