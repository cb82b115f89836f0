import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'ldap-injection',
    title: "Request input reaches an LDAP search filter",
    practice: 1,
    cwe: 'CWE-90',
    severity: 'high',
    confidence: 'high',
    description:
      "A value from the request is concatenated into an LDAP filter (ldapjs client.search). Characters such as *, ( and ) change the filter: a login check matches any user, or the search returns the whole directory.",
    fix: "Escape filter values (ldap-escape filter`...`, ldapjs EqualityFilter objects) or check them against a strict pattern.",
  },
  {
    valid: [
      "const { filter: esc } = require('ldap-escape');\napp.get('/u', (req, res) => {\n  client.search('ou=people,dc=example', { filter: '(uid=' + esc`${req.query.user}` + ')' }, () => res.end());\n});",
    ],
    invalid: [
      "app.get('/u', (req, res) => {\n  client.search('ou=people,dc=example', { filter: '(uid=' + req.query.user + ')' }, () => res.end());\n});",
    ],
  },
);
