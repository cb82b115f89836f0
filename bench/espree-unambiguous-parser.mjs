// ESLint's own parser (espree) made "unambiguous" the way Rampart's oxc parse is: a .js
// file is parsed as a module, and as a CommonJS script when that fails. Without it ESLint
// must be told one source type for all of node_modules, and would skip (as parse errors)
// every file of the other kind, doing less work than the scanner it is compared with.
import { createRequire } from 'node:module';

// The very espree and eslint-scope that the installed ESLint uses.
const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
const espree = fromEslint('espree');
const eslintScope = fromEslint('eslint-scope');

export const meta = { name: 'espree-unambiguous' };

export function parseForESLint(code, options = {}) {
  let sourceType = 'module';
  let ast;
  try {
    ast = espree.parse(code, { ...options, sourceType: 'module', ecmaFeatures: { ...options.ecmaFeatures, globalReturn: false } });
  } catch {
    sourceType = 'commonjs';
    ast = espree.parse(code, { ...options, sourceType: 'commonjs' });
  }
  // The same scope analysis ESLint runs for espree, with the source type that parsed.
  const scopeManager = eslintScope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: sourceType === 'commonjs',
    ecmaVersion: typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 2022,
    sourceType,
    childVisitorKeys: espree.VisitorKeys,
  });
  return { ast, scopeManager, visitorKeys: espree.VisitorKeys };
}
