import { parseSync } from 'oxc-parser';
import { childKeys } from '../rules/ast.js';
import type { Node } from '../rules/types.js';

export type JsLang = 'js' | 'jsx' | 'ts' | 'tsx';

const LANG_BY_EXTENSION: Record<string, JsLang> = {
  '.js': 'jsx', // JSX in .js files is common (React); it parses plain JS too
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
};

export const JS_EXTENSIONS = Object.keys(LANG_BY_EXTENSION);

export function jsLang(path: string): JsLang | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return undefined;
  return LANG_BY_EXTENSION[path.slice(dot).toLowerCase()];
}

export interface ParseError {
  readonly message: string;
  readonly offset: number;
}

export interface Parsed {
  readonly ast: Node;
  readonly errors: readonly ParseError[];
}

/**
 * Parses with oxc (chosen by measurement, see bench/parsers.mjs) into ESTree/TS-ESTree
 * and links every node to its parent, as ESLint does, so rules can look upward.
 */
export function parseJs(path: string, text: string, lang: JsLang): Parsed {
  const sourceType = path.endsWith('.mjs') || path.endsWith('.mts') ? 'module' : path.endsWith('.cjs') || path.endsWith('.cts') ? 'commonjs' : 'unambiguous';
  const result = parseSync(path, text, { lang, sourceType, preserveParens: false, astType: lang === 'ts' || lang === 'tsx' ? 'ts' : 'js' });
  const ast = result.program as unknown as Node;
  const errors = result.errors
    .filter((e) => e.severity === 'Error')
    .map((e) => ({ message: e.message, offset: e.labels[0]?.start ?? 0 }));
  linkParents(ast);
  return { ast, errors };
}

function linkParents(root: Node): void {
  root.parent = null;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of childKeys(node)) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) {
          if (child && typeof child.type === 'string') {
            child.parent = node;
            stack.push(child);
          }
        }
      } else if (value && typeof value.type === 'string') {
        value.parent = node;
        stack.push(value);
      }
    }
  }
}

/**
 * Calls enter/exit visitors in source order. Iterative, so generated code with very deep
 * trees (a 50,000-term concatenation) does not overflow the stack.
 */
export function traverse(root: Node, enter: (node: Node) => void, exit: (node: Node) => void): void {
  const EXIT = 1;
  const stack: (Node | typeof EXIT)[] = [root];
  const exits: Node[] = [];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === EXIT) {
      exit(exits.pop()!);
      continue;
    }
    enter(item);
    exits.push(item);
    stack.push(EXIT);
    const keys = childKeys(item);
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = item[keys[k]];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (value[i] && typeof value[i].type === 'string') stack.push(value[i]);
      } else if (value && typeof value.type === 'string') {
        stack.push(value);
      }
    }
  }
}
