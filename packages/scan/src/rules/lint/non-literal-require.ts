import { nodesOfType, propertyName, unwrap } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';
import { findDeclaration, originOf, type Origin } from '../value-origin.js';

/**
 * require(x) and import(x) load and run the module x names. Specifiers fixed in the code, or
 * built only from the module's own location (`path.join(__dirname, 'x')`, the same judgement
 * as non-literal-fs-filename) and from directory listings (plugin folders), are silent.
 * require.resolve() only computes a path, so it is not a sink.
 */

const CONFIDENCE: Record<Exclude<Origin, 'trusted'>, 'high' | 'medium' | 'low'> = { input: 'high', parameter: 'medium', unknown: 'low' };
const WHERE: Record<Exclude<Origin, 'trusted'>, string> = {
  input: 'comes from the request',
  parameter: 'comes from a function parameter',
  unknown: 'is computed at run time',
};

function isCreateRequire(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (n?.type !== 'CallExpression') return false;
  const inner = unwrap(n.callee);
  const name = inner?.type === 'Identifier' ? inner.name : inner?.type === 'MemberExpression' ? propertyName(inner.property, inner.computed) : undefined;
  return name === 'createRequire' || name === 'createRequireFromPath';
}

/** Names declared `const name = createRequire(...)` somewhere in the file: the only callees worth a declaration lookup. */
function createRequireNames(sourceCode: RuleSourceCode): ReadonlySet<string> {
  const names = new Set<string>();
  if (!sourceCode.text.includes('createRequire')) return names;
  for (const d of nodesOfType(sourceCode, 'VariableDeclarator')) if (d.id.type === 'Identifier' && isCreateRequire(d.init)) names.add(d.id.name);
  return names;
}

/** `require(x)`, `module.require(x)`, `createRequire(import.meta.url)(x)` and a name bound to the latter. */
function isRequireCall(node: Node, createRequireBound: ReadonlySet<string>): boolean {
  const callee = unwrap(node.callee);
  if (!callee) return false;
  if (callee.type === 'Identifier') {
    if (callee.name === 'require') return true;
    if (!createRequireBound.has(callee.name)) return false;
    const d = findDeclaration(callee.name, callee);
    return d?.kind === 'const' && d.path.length === 0 && isCreateRequire(d.node.init);
  }
  if (callee.type === 'MemberExpression') {
    const obj = unwrap(callee.object);
    return obj?.type === 'Identifier' && obj.name === 'module' && propertyName(callee.property, callee.computed) === 'require';
  }
  return isCreateRequire(callee);
}

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'non-literal-require',
    title: 'Module loaded from a specifier chosen at run time',
    practice: 7,
    cwe: 'CWE-829',
    severity: 'medium',
    confidence: 'medium',
    description:
      'require() and import() with a specifier built at run time load whatever module the value names and run its top-level code. If a request can influence the specifier, an attacker can load an unexpected module (or, combined with a file upload, their own file) and run code in the server process.',
    fix: 'Load modules with literal specifiers, or map an allowed name to a module with a fixed lookup table ({ csv: () => import("./csv.js") }) instead of building the path from the value.',
  },
  samples: {
    valid: [
      "const express = require('express');\nconst routes = require(`./routes/${'users'}.js`);",
      "const path = require('path');\nconst config = require(path.join(__dirname, 'config', 'default.json'));",
      "const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(__dirname, 'plugins');\nfor (const file of fs.readdirSync(dir)) {\n  require(path.join(dir, file))(app);\n}",
      "const entry = require.resolve(name);",
      "const { lazy } = await import('./lazy.js');\nconst mod = await import(new URL('./worker.js', import.meta.url).href);",
      "const LOADERS = { csv: './loaders/csv.js', json: './loaders/json.js' };\nasync function loader(kind) { return import(LOADERS[kind]); }",
      { filename: 'sample.ts', code: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nconst pkg = require('../package.json') as { version: string };" },
      "const fs = require('fs');\nfs.readdir(__dirname + '/commands', (err, files) => {\n  files.forEach((f) => require('./commands/' + f));\n});",
    ],
    invalid: [
      "app.get('/render/:theme', (req, res) => {\n  const theme = require('./themes/' + req.params.theme);\n  res.send(theme.render());\n});",
      "export async function run(req, res) {\n  const { format } = req.query;\n  const exporter = await import(`./exporters/${format}.js`);\n  res.send(exporter.default(req.body));\n}",
      "module.exports = function loadPlugin(name) {\n  return require(name);\n};",
      "const path = require('path');\nfunction locale(lang) {\n  return require(path.join(__dirname, 'locales', lang));\n}",
      { filename: 'sample.ts', code: "import { createRequire } from 'module';\nconst load = createRequire(import.meta.url);\nexport const handler = async (event: any) => load(event.queryStringParameters.module as string);" },
      "const driver = process.env.DB_DRIVER ? require(process.env.DB_DRIVER) : null;\nconst mod = require(getModuleName());",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const check = (node: Node, specifier: Node | undefined, what: string): void => {
      if (!specifier || specifier.type === 'SpreadElement') return;
      const origin = originOf(specifier, sourceCode);
      if (origin === 'trusted') return;
      context.report({
        node,
        message: `The specifier passed to ${what} ${WHERE[origin]}; whoever controls it chooses which module is loaded and run.`,
        confidence: CONFIDENCE[origin],
        severity: origin === 'input' ? 'high' : undefined,
      });
    };
    const createRequireBound = createRequireNames(sourceCode);
    return {
      CallExpression(node) {
        if (isRequireCall(node, createRequireBound)) check(node, node.arguments[0], 'require()');
      },
      ImportExpression(node) {
        check(node, node.source, 'import()');
      },
    };
  },
};

export default rule;
