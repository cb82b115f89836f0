import { detectCodeInjection } from '../code/detect.js';
import { inspect } from '../check.js';
import { wrapMethod, type SinkHook } from './hook.js';

type Fn = (...a: unknown[]) => unknown;
type Ctor = new (...a: unknown[]) => unknown;

const checkCode = (sink: string, code: unknown) => {
  if (typeof code === 'string' && code.length >= 2) inspect(sink, (inputs) => detectCodeInjection(code, inputs));
};

/** The source V8 compiles for `Function(a, b, body)`, so input in the parameters is seen in place. */
function functionSource(args: readonly unknown[]): string {
  const strings = args.map((a) => (typeof a === 'string' ? a : ''));
  const body = strings.length ? strings[strings.length - 1] : '';
  return `(function anonymous(${strings.slice(0, -1).join(',')}\n) {\n${body}\n})`;
}

/**
 * Replaces one function constructor (Function, AsyncFunction, GeneratorFunction,
 * AsyncGeneratorFunction) everywhere code can reach it: the global name and the
 * `prototype.constructor` that `(function () {}).constructor` reads. The replacement shares the
 * native prototype, so `instanceof Function` and `fn.constructor === Function` still hold.
 */
function wrapFunctionConstructor(native: Ctor, sink: string): Fn {
  const wrapped = function (this: unknown, ...args: unknown[]) {
    if (args.some((a) => typeof a === 'string')) checkCode(sink, functionSource(args));
    return Reflect.construct(native, args, new.target ?? native);
  };
  Object.defineProperty(wrapped, 'name', { value: native.name });
  Object.defineProperty(wrapped, 'length', { value: native.length });
  Object.defineProperty(wrapped, 'prototype', { value: native.prototype });
  Object.setPrototypeOf(wrapped, Object.getPrototypeOf(native));
  Object.defineProperty(wrapped, Symbol.for('rampart.protect.wrapped'), { value: native });
  const proto = native.prototype as Record<string, unknown>;
  const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
  if (desc?.writable || desc?.configurable) Object.defineProperty(proto, 'constructor', { ...desc, value: wrapped });
  return wrapped;
}

/**
 * eval: the global is replaced by a function that checks the code, then evaluates it with the
 * native eval called indirectly (global scope). A direct `eval(x)` in the app becomes indirect
 * too, so code that reads the caller's local variables through eval sees globals instead:
 * `hookEval: false` keeps the native eval (unprotected) for such apps.
 */
export const EVAL_SINK: SinkHook = Object.freeze({
  module: 'globalThis',
  versions: 'node >=20',
  kind: 'code-injection',
  methods: ['eval (replaced; indirect-eval semantics)'],
  install(exports: unknown) {
    const g = exports as Record<string, unknown>;
    wrapMethod(g, 'eval', (original) => function (this: unknown, code: unknown) {
      checkCode('eval', code);
      return original(code);
    });
  },
});

export const FUNCTION_SINK: SinkHook = Object.freeze({
  module: 'globalThis',
  versions: 'node >=20',
  kind: 'code-injection',
  methods: ['Function', 'AsyncFunction', 'GeneratorFunction', 'AsyncGeneratorFunction (also reached as fn.constructor)'],
  install(exports: unknown) {
    const g = exports as Record<string, unknown>;
    if ((g.Function as unknown as Record<symbol, unknown>)[Symbol.for('rampart.protect.wrapped')]) return;
    const natives: Array<[Ctor, string]> = [
      [Function as unknown as Ctor, 'Function'],
      [Object.getPrototypeOf(async function () {}).constructor as Ctor, 'AsyncFunction'],
      [Object.getPrototypeOf(function* () {}).constructor as Ctor, 'GeneratorFunction'],
      [Object.getPrototypeOf(async function* () {}).constructor as Ctor, 'AsyncGeneratorFunction'],
    ];
    for (const [native, sink] of natives) {
      const wrapped = wrapFunctionConstructor(native, sink);
      if (sink === 'Function') Object.defineProperty(g, 'Function', { value: wrapped, writable: true, configurable: true, enumerable: false });
    }
  },
});

/** node:vm: every way to compile a string (runIn*Context, Script, compileFunction). */
export const VM_SINK: SinkHook = Object.freeze({
  module: 'node:vm',
  versions: 'node >=20',
  kind: 'code-injection',
  methods: ['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'Script'],
  install(exports: unknown) {
    const vm = exports as Record<string, unknown>;
    for (const name of ['runInThisContext', 'runInNewContext', 'runInContext']) {
      wrapMethod(vm, name, (original) => function (this: unknown, ...args: unknown[]) {
        checkCode(`vm.${name}`, args[0]);
        return original.apply(this, args);
      });
    }
    wrapMethod(vm, 'compileFunction', (original) => function (this: unknown, ...args: unknown[]) {
      const params = Array.isArray(args[1]) ? args[1] : [];
      if (typeof args[0] === 'string') checkCode('vm.compileFunction', functionSource([...params, args[0]]));
      return original.apply(this, args);
    });
    const Native = vm.Script as (new (...a: unknown[]) => object) | undefined;
    if (typeof Native !== 'function' || (Native as unknown as Record<symbol, unknown>)[Symbol.for('rampart.protect.wrapped')]) return;
    // A subclass, so `new vm.Script()` instances stay real Scripts (instanceof, runInContext).
    const Script = class Script extends Native {
      constructor(...args: unknown[]) {
        checkCode('vm.Script', args[0]);
        super(...args);
      }
    };
    Object.defineProperty(Script, Symbol.for('rampart.protect.wrapped'), { value: Native });
    vm.Script = Script;
  },
});
