import { promisify } from 'node:util';
import type { AttackKind } from '../attack.js';

/** One sink hook as data: which package and versions, what it hooks, and the patch. */
export interface SinkHook {
  readonly module: string;
  /** The versions this hook was written and tested against (documentation; other versions are still patched). */
  readonly versions: string;
  readonly kind: AttackKind;
  readonly methods: readonly string[];
  readonly install: (exports: unknown) => void;
}

const WRAPPED = Symbol.for('rampart.protect.wrapped');

/** Replaces obj[name] with wrap(original) once, keeping name and length for code that inspects them. */
export function wrapMethod(
  obj: Record<string, unknown>,
  name: string,
  wrap: (original: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown,
): void {
  const original = obj[name];
  if (typeof original !== 'function' || (original as unknown as Record<symbol, unknown>)[WRAPPED]) return;
  const wrapped = wrap(original as (...a: unknown[]) => unknown);
  Object.defineProperty(wrapped, 'name', { value: original.name });
  Object.defineProperty(wrapped, 'length', { value: original.length });
  Object.defineProperty(wrapped, WRAPPED, { value: original });
  // Static members (util.promisify.custom on exec, fs.exists) keep working.
  for (const key of Reflect.ownKeys(original)) {
    if (key === 'name' || key === 'length' || key === 'prototype') continue;
    const desc = Object.getOwnPropertyDescriptor(original, key);
    if (!desc || Object.getOwnPropertyDescriptor(wrapped, key)) continue;
    // util.promisify(exec) calls this custom function instead of exec: it must be checked too.
    if (key === promisify.custom && typeof desc.value === 'function') desc.value = wrap(desc.value as (...a: unknown[]) => unknown);
    Object.defineProperty(wrapped, key, desc);
  }
  if ((original as { prototype?: unknown }).prototype) (wrapped as { prototype?: unknown }).prototype = (original as { prototype?: unknown }).prototype;
  const desc = Object.getOwnPropertyDescriptor(obj, name);
  if (desc && !desc.writable && !desc.set && !desc.configurable) return;
  Object.defineProperty(obj, name, { value: wrapped, writable: true, configurable: true, enumerable: desc?.enumerable ?? false });
}
