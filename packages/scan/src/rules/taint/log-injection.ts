import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'log-injection',
    title: "Request input with line breaks reaches a log line",
    practice: 6,
    cwe: 'CWE-117',
    severity: 'low',
    confidence: 'high',
    description:
      "A value from the request is written into a text log line (console.log, logger.info...) without neutralising line breaks. A client can forge log entries (a fake \"login succeeded\" line) or hide their tracks from whoever reads the logs.",
    fix: "Log input as a structured field with a JSON logger (pino, winston json format), or strip \\r and \\n (value.replace(/[\\r\\n]/g, \" \")) before it goes into text.",
  },
  {
    valid: [
      "app.post('/login', (req, res) => {\n  console.log('login attempt for ' + String(req.body.user).replace(/[\\r\\n]/g, ' '));\n  res.end();\n});",
      "app.post('/login', (req, res) => {\n  console.log('login attempt for %s', JSON.stringify(req.body.user));\n  res.end();\n});",
    ],
    invalid: [
      "app.post('/login', (req, res) => {\n  console.log(`login attempt for ${req.body.user}`);\n  res.end();\n});",
    ],
  },
);
