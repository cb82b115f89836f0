import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsIn, scanTaint } from './helpers.js';

// CWE-117 is a forged log entry: a line break in a message starts a new line of a text log, but a
// logger that writes one JSON object per line escapes it.

const route = (setup: string): string => `const express = require('express');
${setup}
const app = express();
app.post('/login', (req, res) => {
  logger.warn(\`failed login for \${req.body.username}\`);
  res.sendStatus(401);
});
`;

describe('log injection and the logger’s output format', () => {
  it('pino, bunyan and winston’s json() write JSON lines: no forged entry', () => {
    assert.deepEqual(flowsIn(route("const pino = require('pino');\nconst logger = pino();")), []);
    assert.deepEqual(flowsIn(route("const bunyan = require('bunyan');\nconst logger = bunyan.createLogger({ name: 'app' });")), []);
    assert.deepEqual(flowsIn(route("const winston = require('winston');\nconst logger = winston.createLogger({ format: winston.format.json() });")), []);
    assert.deepEqual(flowsIn(route("const winston = require('winston');\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });")), [], 'json() is winston’s default');
  });

  it('text formats and pino-pretty write lines a line break can forge', () => {
    assert.deepEqual(flowsIn(route("const winston = require('winston');\nconst logger = winston.createLogger({ format: winston.format.printf((i) => `${i.level}: ${i.message}`) });")), ['log-injection@6']);
    assert.deepEqual(flowsIn(route("const winston = require('winston');\nconst logger = winston.createLogger({ format: winston.format.combine(winston.format.timestamp(), winston.format.simple()) });")), ['log-injection@6']);
    assert.deepEqual(flowsIn(route("const pino = require('pino');\nconst logger = pino({ transport: { target: 'pino-pretty' } });")), ['log-injection@6']);
    assert.deepEqual(flowsIn(route('// the console: text lines\nconst logger = console;')), ['log-injection@6']);
  });

  it('a logger imported from a module of the project is judged by how that module makes it', async () => {
    const app = (format: string): Record<string, string> => ({
      'logger.js': `const winston = require('winston');\nmodule.exports.logger = winston.createLogger({ format: winston.format.${format}() });\n`,
      'app.js': route("const { logger } = require('./logger');"),
    });
    assert.deepEqual((await scanTaint(app('json'))).taint.map((f) => f.ruleId), []);
    assert.deepEqual((await scanTaint(app('simple'))).taint.map((f) => `${f.ruleId} ${f.file}:${f.line}`), ['log-injection app.js:5']);
  });

  it('a write stream opened on a log file is a text log; a stream to another file is not a log', () => {
    const code = (file: string): string => `const express = require('express');
const fs = require('fs');
const out = fs.createWriteStream('${file}', { flags: 'a' });
const app = express();
app.post('/login', (req, res) => {
  out.write(\`login failed user=\${req.body.username}\\n\`);
  res.sendStatus(401);
});
`;
    assert.deepEqual(flowsIn(code('/var/log/shop/audit.log')), ['log-injection@6']);
    assert.deepEqual(flowsIn(code('/srv/exports/users.csv')), []);
  });
});

