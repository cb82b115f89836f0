import { taintRule } from '../../taint/rule.js';

export default taintRule(
  {
    id: 'template-injection',
    title: "Request input becomes template source",
    practice: 1,
    cwe: 'CWE-1336',
    severity: 'critical',
    confidence: 'high',
    description:
      "A value from the request is compiled as a template (ejs.render, pug.render, Handlebars.compile, nunjucks.renderString, lodash template). Template syntax in the value runs code on the server (server-side template injection).",
    fix: "Keep templates in files or constants and pass input only as data: ejs.render(TEMPLATE, { name }).",
  },
  {
    valid: [
      "const ejs = require('ejs');\napp.get('/hi', (req, res) => {\n  res.send(ejs.render('<p>Hello <%= name %></p>', { name: req.query.name }));\n});",
    ],
    invalid: [
      "const ejs = require('ejs');\napp.get('/hi', (req, res) => {\n  res.send(ejs.render('<p>Hello ' + req.query.name + '</p>'));\n});",
    ],
  },
);
