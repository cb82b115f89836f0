type Bag = Record<string, any>;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function setPath(target: Bag, dotted: string, value: unknown): Bag {
  const keys = dotted.split('.');
  // A path through these keys reaches shared prototypes instead of the user's object.
  if (keys.some((k) => FORBIDDEN.has(k))) throw new Error('invalid settings path');
  keys.reduce((node: Bag, key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
    } else if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {};
    }
    return node[key];
  }, target);
  return target;
}
