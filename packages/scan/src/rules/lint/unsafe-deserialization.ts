import type { Severity } from '@rampart/core';
import { isNode, memberPath, moduleBindings, objectProperty, referencesAnyModule, resolveCallee, unwrap } from '../ast.js';
import { isConstant } from '../constant-values.js';
import type { JsRule, JsRuleContext, Node, Visitors } from '../types.js';

/**
 * Deserializers that can run code or build arbitrary objects from their input, as data:
 * module, export, and why. Only calls on data not written in the code are reported.
 */
const DESERIALIZERS: readonly { readonly module: string; readonly names: readonly string[]; readonly severity: Severity; readonly why: string }[] = [
  { module: 'node-serialize', names: ['unserialize'], severity: 'critical', why: 'calls any function written as `_$$ND_FUNC$$_function(){...}()` in the input (CVE-2017-5941): remote code execution' },
  { module: 'serialize-to-js', names: ['deserialize'], severity: 'critical', why: 'evaluates its input as JavaScript: remote code execution' },
  { module: 'funcster', names: ['deepDeserialize', 'deserialize'], severity: 'critical', why: 'compiles the functions in its input and so runs code the sender wrote' },
  { module: 'cryo', names: ['parse'], severity: 'high', why: 'restores prototypes and functions named in the input (CVE-2018-3784), so the sender controls what methods run' },
  { module: 'v8', names: ['deserialize', 'Deserializer'], severity: 'medium', why: 'trusts the bytes it is given: crafted input can crash the process or build objects the code does not expect' },
];

/** js-yaml schemas that construct JavaScript functions and regexps (!!js/function). */
const UNSAFE_YAML_SCHEMA = 'DEFAULT_FULL_SCHEMA';
/** js-yaml schemas that only build plain data. */
const SAFE_YAML_SCHEMAS = new Set(['DEFAULT_SCHEMA', 'DEFAULT_SAFE_SCHEMA', 'CORE_SCHEMA', 'JSON_SCHEMA', 'FAILSAFE_SCHEMA']);

function exportPath(call: Node, context: JsRuleContext): { module: string; name: string } | undefined {
  const target = resolveCallee(call.callee, context.sourceCode);
  if (!target) return undefined;
  const path = target.path[0] === 'default' ? target.path.slice(1) : target.path;
  return { module: target.module, name: path.join('.') };
}

/** v8.deserialize(v8.serialize(x)) is the structured-clone idiom: the bytes never left the process. */
function isLocalV8Bytes(arg: Node, context: JsRuleContext): boolean {
  const n = unwrap(arg);
  if (n?.type !== 'CallExpression') return false;
  const inner = exportPath(n, context);
  return inner?.module === 'v8' && inner.name === 'serialize';
}

/** Why a js-yaml `schema` option is unsafe, or undefined when it is safe or unknown. */
function unsafeSchema(schema: Node, context: JsRuleContext): string | undefined {
  const last = memberPath(schema)?.split('.').pop();
  if (last === UNSAFE_YAML_SCHEMA) return `${UNSAFE_YAML_SCHEMA}, which builds JavaScript functions from !!js/function tags`;
  if (last && SAFE_YAML_SCHEMAS.has(last)) return undefined;
  // js-yaml 4 moved the unsafe types to js-yaml-js-types; a custom schema in a file that imports it likely has them.
  const usesJsTypes = [...moduleBindings(context.sourceCode).values()].some((b) => b.module === 'js-yaml-js-types');
  return usesJsTypes ? 'a schema built with js-yaml-js-types, which adds !!js/function' : undefined;
}

/** The modules whose calls this rule reads. */
const DESERIALIZING_MODULES = [...DESERIALIZERS.map((d) => d.module), 'js-yaml'];

const rule: JsRule = {
  kind: 'js',
  meta: {
    id: 'unsafe-deserialization',
    title: 'Data deserialized with a library that can run code',
    practice: 7,
    cwe: 'CWE-502',
    severity: 'high',
    confidence: 'high',
    description:
      "Some deserializers rebuild functions, not just data: node-serialize's unserialize() calls functions embedded in its input, serialize-to-js's deserialize() and funcster evaluate it, cryo restores prototypes, and js-yaml's DEFAULT_FULL_SCHEMA (js-yaml 3, or js-yaml-js-types in 4) turns !!js/function tags into functions. A cookie, request body or queue message read this way lets its sender run code on the server. v8.deserialize() does not run code but trusts its bytes. Plain js-yaml load() is not reported: since js-yaml 4 it is safe, and old versions are a dependency finding.",
    fix: 'Parse untrusted data as data only: JSON.parse, js-yaml load() with the default schema (js-yaml 4), or the `yaml` package, then validate the shape (zod, ajv). Remove node-serialize, serialize-to-js, funcster and cryo.',
  },
  samples: {
    valid: [
      'const yaml = require("js-yaml"); const config = yaml.load(fs.readFileSync("config.yml", "utf8"));',
      'import yaml from "js-yaml"; const doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });',
      'const yaml = require("js-yaml"); const doc = yaml.safeLoad(req.body, { schema: yaml.DEFAULT_SAFE_SCHEMA });',
      'const serialize = require("node-serialize"); res.cookie("profile", serialize.serialize(profile));',
      'const v8 = require("v8"); const copy = v8.deserialize(v8.serialize(state));',
      'const data = JSON.parse(req.body); const user = superjson.deserialize(data); codec.unserialize(msg);',
      'import { parse } from "yaml"; const doc = parse(req.body);',
      'const serialize = require("node-serialize"); const defaults = serialize.unserialize(\'{"theme":"dark"}\');',
    ],
    invalid: [
      'const serialize = require("node-serialize"); const profile = serialize.unserialize(Buffer.from(req.cookies.profile, "base64").toString());',
      'import { unserialize } from "node-serialize"; export const load = (text) => unserialize(text);',
      'const { deserialize } = require("serialize-to-js"); const state = deserialize(req.body.state);',
      'const funcster = require("funcster"); const job = funcster.deepDeserialize(JSON.parse(message));',
      'const Cryo = require("cryo"); const session = Cryo.parse(req.body.data);',
      'const yaml = require("js-yaml"); const cfg = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });',
      'import yaml from "js-yaml"; yaml.loadAll(upload, (doc) => docs.push(doc), { schema: yaml.DEFAULT_FULL_SCHEMA });',
      'import { load, DEFAULT_FULL_SCHEMA } from "js-yaml"; const spec = load(input, { schema: DEFAULT_FULL_SCHEMA, json: true });',
      'import yaml from "js-yaml"; import types from "js-yaml-js-types"; const schema = yaml.DEFAULT_SCHEMA.extend(types.all); yaml.load(req.body, { schema });',
      'const v8 = require("node:v8"); socket.on("message", (data) => handle(v8.deserialize(data)));',
      { code: 'import { Deserializer } from "v8"; const d = new Deserializer(payload as Buffer); d.readHeader();', filename: 'ipc.ts' },
    ],
  },
  create(context): Visitors {
    // Every report is a call into one of these modules: a file that loads none has nothing to check.
    if (!referencesAnyModule(context.sourceCode, DESERIALIZING_MODULES)) return {};
    const check = (node: Node): void => {
      const target = exportPath(node, context);
      if (!target) return;
      const isYamlLoad = target.module === 'js-yaml' && (target.name === 'load' || target.name === 'loadAll');
      const entry = DESERIALIZERS.find((d) => d.module === target.module && d.names.includes(target.name));
      if (!isYamlLoad && !entry) return; // any other module call: decided before the costlier checks
      const args: Node[] = node.arguments;
      if (args.length === 0 || isConstant(args[0], context.sourceCode)) return; // written in the code: nothing to inject
      if (isYamlLoad) {
        for (const arg of args.slice(1)) {
          const schema = isNode(arg) ? objectProperty(arg, 'schema') : undefined;
          const why = schema && unsafeSchema(schema, context);
          if (why) context.report({ node, message: `js-yaml ${target.name}() uses ${why}: a YAML document can carry code that runs on the server.` });
        }
        return;
      }
      if (!entry) return;
      if (target.module === 'v8' && isLocalV8Bytes(args[0], context)) return;
      context.report({ node, severity: entry.severity, message: `${node.type === 'NewExpression' ? 'new ' : ''}${target.module}.${target.name}() ${entry.why}.` });
    };
    return { CallExpression: check, NewExpression: check };
  },
};

export default rule;
