import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';

// Keys that reach Object.prototype through a naive merge or path setter: `__proto__` anywhere in
// a key (qs-style `__proto__[x]` too), or `prototype` under a `constructor` key.
const CONSTRUCTOR_PROTOTYPE = /constructor(?:\]?\.|\]?\[)prototype/;

/** Prototype pollution: user-controlled object keys or key paths that name a prototype. */
export function detectPrototypePollution(inputs: readonly UserInput[]): Inspection & { source?: string } {
  for (const input of inputs) {
    if (!input.source.endsWith(' key')) continue;
    const key = input.value;
    // A `prototype` key inside an object found under a `constructor` key.
    const viaConstructor = key === 'prototype' && input.source.endsWith('.constructor key');
    if (key.includes('__proto__') || CONSTRUCTOR_PROTOTYPE.test(key) || viaConstructor) {
      return { attack: true, kind: 'prototype-pollution', payload: key, reason: 'input names an object prototype as a key', source: input.source };
    }
  }
  return NO_ATTACK;
}
