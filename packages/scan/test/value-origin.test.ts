import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { walk } from '../src/rules/ast.js';
import type { Node, RuleSourceCode } from '../src/rules/types.js';
import { originOf, type Origin } from '../src/rules/value-origin.js';
import { parseJs } from '../src/engine/parse.js';

// Where a value comes from decides whether the sink rules speak up and how sure they are.
// Each row classifies the argument of `sink(...)` in a small program.

const CASES: readonly (readonly [Origin, string])[] = [
  // fixed when the code was written, or derived from the module's own location
  ['trusted', "sink('a' + `b${1}`)"],
  ['trusted', "const path = require('path'); sink(path.join(__dirname, 'views', 'x.html'))"],
  ['trusted', "import { fileURLToPath } from 'url'; sink(fileURLToPath(new URL('./x', import.meta.url)))"],
  ['trusted', "const DIR = 'data'; const FILE = `${DIR}/seed.json`; sink(FILE)"],
  ['trusted', "const config = require('./config'); sink(config.paths.uploads)"],
  ['trusted', 'sink(process.env.DATA_DIR + process.cwd())'],
  ['trusted', "import { randomUUID } from 'node:crypto'; sink(`tmp-${randomUUID()}`)"],
  ['trusted', 'sink(req.query.name.length)'],
  ['trusted', 'sink(Number(req.query.page) * 10)'],
  ['trusted', "const fs = require('fs'); for (const f of fs.readdirSync('plugins')) sink(f)"],
  ['trusted', "const T = { a: 'x.html', b: 'y.html' }; function f(k) { sink(T[k]); }"],
  ['trusted', 'function f(i: number) { sink(i); }'],
  ['trusted', "let p = 'a'; p = 'b'; sink(p)"],
  // request input, however it travels
  ['input', 'app.get("/", (req, res) => sink(req.query.file))'],
  ['input', 'app.get("/", (req, res) => { const { params: { id } } = req; sink(id); })'],
  ['input', "app.get('/', (req, res) => { let p = 'x'; if (a) p = req.body.p; sink(p); })"],
  ['input', 'router.post("/", async (ctx) => sink(ctx.request.body.name.trim()))'],
  ['input', 'export async function GET(request) { sink(new URL(request.url).searchParams.get("f")); }'],
  ['input', 'export async function POST(request) { const { f } = await request.json(); sink(f); }'],
  ['input', 'app.get("/", (c) => sink(c.req.query("f")))'],
  ['input', 'app.post("/", (req, res) => { req.body.files.forEach((f) => sink("up/" + f)); })'],
  ['input', 'export const handler = async (event) => sink(JSON.parse(event.body).cmd)'],
  ['input', 'app.get("/", (req, res) => sink(String(req.get("x-file"))))'],
  // chosen by a caller
  ['parameter', 'function read(file) { sink(file); }'],
  ['parameter', "function setPath(obj, path) { for (const k of path.split('.')) sink(k); }"],
  ['parameter', 'const f = (opts) => sink(`${opts.dir}/x`)'],
  // computed in a way the analysis does not follow
  ['unknown', 'sink(getPath())'],
  ['unknown', 'sink(someGlobal)'],
  // a shadowing declaration is a different variable
  ['trusted', "const p = 'x'; { const p = req.query.y; } sink(p)"],
];

function classify(code: string): Origin {
  const filename = /:\s*number/.test(code) ? 'case.ts' : 'case.js';
  const parsed = parseJs(filename, code, filename.endsWith('.ts') ? 'ts' : 'jsx');
  assert.deepEqual(parsed.errors, [], `case must parse: ${code}`);
  const sourceCode: RuleSourceCode = {
    text: code,
    ast: parsed.ast,
    getText: (node?: Node) => (node ? code.slice(node.start, node.end) : code),
  };
  let arg: Node | undefined;
  walk(parsed.ast, (n) => {
    if (!arg && n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'sink') arg = n.arguments[0];
  });
  assert.ok(arg, `case has a sink(...) call: ${code}`);
  return originOf(arg, sourceCode);
}

describe('value-origin: originOf', () => {
  for (const [expected, code] of CASES) {
    it(`${expected}: ${code}`, () => {
      assert.equal(classify(code), expected);
    });
  }
});
