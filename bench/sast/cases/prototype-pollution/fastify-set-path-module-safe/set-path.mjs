const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function setPath(target, dotted, value) {
  const keys = String(dotted).split('.');
  if (keys.some((key) => UNSAFE_KEYS.has(key))) throw new Error('unsafe property path');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}
