import { propertyName, resolveCallee, unwrap, walk } from '../ast.js';
import type { JsRule, Node, RuleSourceCode } from '../types.js';
import { enclosingBody, originOf, type Origin } from '../value-origin.js';
import { shorten } from '../message-text.js';

/**
 * File-system calls whose path is chosen at run time. Paths fixed in the code or derived
 * from the module's own location (`path.join(__dirname, 'x')`, `new URL('./x', import.meta.url)`)
 * are silent, so are names from a directory listing, `path.basename()` results and paths the
 * function checks with `startsWith()` before use. What remains is rated by where it comes from.
 */

const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs', 'fs-extra/esm']);

/** Function name → positions of its path arguments (node:fs, fs/promises and fs-extra). */
const PATH_ARGUMENTS: Readonly<Record<string, readonly number[]>> = (() => {
  const table: Record<string, readonly number[]> = {};
  const one = [
    'access', 'appendFile', 'chmod', 'chown', 'createReadStream', 'createWriteStream', 'exists', 'lchmod', 'lchown', 'lstat',
    'lutimes', 'mkdir', 'mkdtemp', 'open', 'openAsBlob', 'opendir', 'readdir', 'readFile', 'readlink', 'realpath', 'rm', 'rmdir',
    'stat', 'statfs', 'truncate', 'unlink', 'unwatchFile', 'utimes', 'watch', 'watchFile', 'writeFile',
    // fs-extra
    'createFile', 'emptyDir', 'emptydir', 'ensureDir', 'ensureFile', 'mkdirp', 'mkdirs', 'outputFile', 'outputJson', 'outputJSON',
    'pathExists', 'readJson', 'readJSON', 'remove', 'writeJson', 'writeJSON',
  ];
  const two = ['copyFile', 'cp', 'link', 'rename', 'symlink', 'copy', 'move', 'ensureLink', 'ensureSymlink', 'createLink', 'createSymlink'];
  for (const name of one) table[name] = table[`${name}Sync`] = [0];
  for (const name of two) table[name] = table[`${name}Sync`] = [0, 1];
  return Object.freeze(table);
})();

/** Calls that strip the directory part or the dangerous characters from a file name. */
const FILENAME_SANITIZERS: readonly { readonly module: string; readonly fn?: string }[] = [
  { module: 'path', fn: 'basename' },
  { module: 'sanitize-filename' },
  { module: 'filenamify' },
];

function isFilenameSanitizer(node: Node, sourceCode: RuleSourceCode): boolean {
  if (node.type !== 'CallExpression') return false;
  const b = resolveCallee(node.callee, sourceCode);
  if (!b) return false;
  const fn = b.path.filter((p) => p !== 'posix' && p !== 'win32' && p !== 'default').join('.');
  return FILENAME_SANITIZERS.some((s) => s.module === b.module && (s.fn === undefined ? fn === '' || fn === 'default' : fn === s.fn));
}

/** Call names that say "this path stays under that folder". */
const CONTAINMENT_CHECK = /^(is)?(path)?(inside|within|contained|subpath|under|safe|allowed)|^(is)?(safe|allowed|valid)(path|file)/i;

/**
 * True when the enclosing function validates the path (or a name it is built from) before
 * use: `full.startsWith(root)`, `path.relative(root, full)`, `/^[\w-]+$/.test(name)`,
 * `name.includes('..')`, `isPathInside(full, root)`.
 */
function isCheckedInFunction(arg: Node, sourceCode: RuleSourceCode): boolean {
  const names = new Set<string>();
  walk(arg, (n) => {
    if (n.type === 'Identifier' && !(n.parent?.type === 'MemberExpression' && n.parent.property === n && !n.parent.computed)) names.add(n.name);
  });
  const argText = sourceCode.getText(arg);
  const mentions = (n: Node | null | undefined): boolean => {
    const u = unwrap(n);
    if (!u) return false;
    return (u.type === 'Identifier' && names.has(u.name)) || sourceCode.getText(u) === argText;
  };
  let checked = false;
  walk(enclosingBody(arg), (n) => {
    if (checked || n.type !== 'CallExpression') return;
    const callee = unwrap(n.callee);
    if (!callee) return;
    const method = callee.type === 'MemberExpression' ? propertyName(callee.property, callee.computed) : callee.type === 'Identifier' ? callee.name : undefined;
    if (!method) return;
    if (callee.type === 'MemberExpression' && (method === 'startsWith' || method === 'includes' || method === 'indexOf') && mentions(callee.object)) checked = true;
    else if (method === 'test' && n.arguments.some(mentions)) checked = true;
    else if ((method === 'relative' || CONTAINMENT_CHECK.test(method)) && n.arguments.some(mentions)) checked = true;
  });
  return checked;
}

const CONFIDENCE: Record<Exclude<Origin, 'trusted'>, 'high' | 'medium' | 'low'> = { input: 'high', parameter: 'medium', unknown: 'low' };
const WHERE: Record<Exclude<Origin, 'trusted'>, string> = {
  input: 'comes from the request',
  parameter: 'comes from a function parameter',
  unknown: 'is computed at run time',
};

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'non-literal-fs-filename',
    title: 'File-system call with a path chosen at run time',
    practice: 7,
    cwe: 'CWE-22',
    severity: 'medium',
    confidence: 'medium',
    description:
      'fs, fs/promises and fs-extra calls that read, write, delete or list a path built at run time. If any part of the path comes from a request, `../` sequences or an absolute path let the caller read or overwrite files outside the folder the code meant (path traversal). Paths built only from literals, __dirname, import.meta.url and process.cwd() are not reported.',
    fix: 'Resolve the path against a fixed base folder and check that the result still starts with that folder (path.resolve(base, name).startsWith(base + path.sep)), or keep only the file name with path.basename().',
  },
  samples: {
    valid: [
      "const fs = require('fs');\nconst path = require('path');\nconst tpl = fs.readFileSync(path.join(__dirname, 'templates', 'mail.html'), 'utf8');",
      "import { readFile } from 'node:fs/promises';\nconst schema = JSON.parse(await readFile(new URL('./schema.json', import.meta.url), 'utf8'));",
      "import fs from 'fs';\nimport path from 'path';\nconst UPLOADS = path.resolve(process.cwd(), 'uploads');\napp.get('/files/:name', (req, res) => {\n  fs.createReadStream(path.join(UPLOADS, path.basename(req.params.name))).pipe(res);\n});",
      "const fs = require('fs');\nconst CONFIG = './config/app.json';\nconst raw = fs.readFileSync(CONFIG);",
      "const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(__dirname, 'plugins');\nfor (const file of fs.readdirSync(dir)) {\n  fs.statSync(path.join(dir, file));\n}",
      "import fs from 'node:fs';\nimport path from 'node:path';\nconst ROOT = path.resolve('public');\nexport function serve(req, res) {\n  const full = path.resolve(ROOT, req.query.file);\n  if (!full.startsWith(ROOT + path.sep)) return res.sendStatus(403);\n  fs.createReadStream(full).pipe(res);\n}",
      "import { writeFile } from 'fs/promises';\nimport os from 'os';\nimport { randomUUID } from 'crypto';\nconst tmp = `${os.tmpdir()}/upload-${randomUUID()}.bin`;\nawait writeFile(tmp, data);",
      "const fs = require('fs');\nfs.writeFileSync(process.env.PID_FILE, String(process.pid));",
      "// a method named readFile on something that is not fs\nconst file = await storage.readFile(req.query.key);\nreader.open(input);",
      "const fs = require('fs');\nconst LOCALES = { en: 'locales/en.json', fr: 'locales/fr.json' };\nfunction load(lang) { return fs.readFileSync(LOCALES[lang]); }",
      { filename: 'sample.ts', code: "import * as fs from 'fs';\nconst file: string = `${__dirname}/../data/seed.sql`;\nfs.readFileSync(file as string);" },
    ],
    invalid: [
      "const fs = require('fs');\napp.get('/download', (req, res) => {\n  fs.readFile('/srv/files/' + req.query.name, (err, data) => res.send(data));\n});",
      "import { createReadStream } from 'node:fs';\nimport path from 'node:path';\nexport default function handler(req, res) {\n  const { file } = req.query;\n  createReadStream(path.join('/var/www/uploads', file)).pipe(res);\n}",
      { code: "const fsp = require('fs').promises;\nrouter.post('/rename', async (ctx) => {\n  await fsp.rename(ctx.request.body.from, ctx.request.body.to);\n});", count: 2 },
      { code: "const fs = require('fs-extra');\nmodule.exports = async function copyTemplate(src, dest) {\n  await fs.copy(src, dest);\n};", count: 2 },
      "import { promises as fs } from 'fs';\nexport async function remove(req, res) {\n  const name = req.params.name.trim();\n  await fs.unlink(`./uploads/${name}`);\n  res.end();\n}",
      "const { writeFileSync } = require('node:fs');\nfunction save(user, body) {\n  const target = resolveTarget(user);\n  writeFileSync(target, body);\n}",
      { filename: 'sample.ts', code: "import fs from 'fs';\nimport type { Request } from 'express';\nexport function read(req: Request) {\n  const p = req.body.path as string;\n  return fs.readFileSync(p!, 'utf8');\n}" },
      "const fs = require('fs');\n// naive clean-up: '....//' still becomes '../'\nconst name = req.query.f.replace(/\\.\\.\\//g, '');\nfs.readFileSync('files/' + name);",
    ],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const b = resolveCallee(node.callee, sourceCode);
        if (!b || !FS_MODULES.has(b.module)) return;
        const path = b.path.filter((p) => p !== 'promises' && p !== 'default');
        if (path.length !== 1) return;
        const positions = PATH_ARGUMENTS[path[0]];
        if (!positions) return;
        for (const i of positions) {
          const arg = node.arguments[i];
          if (!arg || arg.type === 'SpreadElement') continue;
          const origin = originOf(arg, sourceCode, { sanitizer: isFilenameSanitizer });
          if (origin === 'trusted') continue;
          if (isCheckedInFunction(arg, sourceCode)) continue;
          context.report({
            node: arg,
            message: `The path passed to ${b.module.startsWith('fs/') ? 'fs' : b.module}.${path[0]}() ${WHERE[origin]} (\`${shorten(sourceCode.getText(arg))}\`); \`../\` or an absolute path in it reaches files outside the intended folder.`,
            confidence: CONFIDENCE[origin],
          });
        }
      },
    };
  },
};

export default rule;
