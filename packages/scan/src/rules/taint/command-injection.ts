import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'command-injection',
    title: "Request input reaches a shell command",
    practice: 1,
    cwe: 'CWE-78',
    severity: 'critical',
    confidence: 'high',
    description:
      "A value from the request becomes part of a command line run by a shell (child_process exec/execSync, spawn or execFile with shell: true, execa with shell, shelljs exec). Shell metacharacters such as ; | $( ) let the client run any command on the server.",
    fix: "Run the program without a shell and pass input as separate arguments (execFile/spawn with an array, after \"--\"), and check it against an allowlist or a strict pattern.",
  },
  {
    valid: [
      "const { execFile } = require('child_process');\napp.get('/ping', (req, res) => {\n  execFile('ping', ['-c', '1', '--', req.query.host], (e, out) => res.type('text/plain').send(out));\n});",
      "const { exec } = require('child_process');\nconst HOSTS = ['a.example', 'b.example'];\napp.get('/ping', (req, res) => {\n  if (!HOSTS.includes(req.query.host)) return res.sendStatus(400);\n  exec('ping -c 1 ' + req.query.host, () => res.end());\n});",
    ],
    invalid: [
      "const { exec } = require('child_process');\napp.get('/ping', (req, res) => {\n  exec('ping -c 1 ' + req.query.host, (e, out) => res.type('text/plain').send(out));\n});",
      "import { spawn } from 'node:child_process';\nexport function handler(req, res) {\n  spawn('sh', ['-c', `ls ${req.query.dir}`], { shell: true });\n  res.end();\n}",
    ],
  },
);
