import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'path-traversal',
    title: "Request input chooses a file path without a containment check",
    practice: 1,
    cwe: 'CWE-22',
    severity: 'high',
    confidence: 'high',
    description:
      "A value from the request reaches a file system call (read, write, delete, stream), res.sendFile or res.download without a root, usually through path.join(base, input). \"../\" sequences or an absolute path escape the intended folder and read or overwrite any file the process can reach.",
    fix: "Resolve the path and check that it stays inside the base folder (path.resolve(base, input) then startsWith(base + path.sep)), use path.basename for a single file name, or pass { root } to res.sendFile.",
  },
  {
    valid: [
      "const fs = require('fs');\nconst path = require('path');\napp.get('/f', (req, res) => {\n  const p = path.resolve(BASE, req.query.name);\n  if (!p.startsWith(BASE + path.sep)) return res.sendStatus(403);\n  res.send(fs.readFileSync(p));\n});",
      "app.get('/f/:name', (req, res) => res.sendFile(req.params.name, { root: '/srv/public' }));",
    ],
    invalid: [
      "const fs = require('fs');\nconst path = require('path');\napp.get('/f', (req, res) => {\n  fs.readFile(path.join(__dirname, 'files', req.query.name), (e, d) => res.send(d));\n});",
      "app.get('/f/:name', (req, res) => res.sendFile('/srv/public/' + req.params.name));",
    ],
  },
);
