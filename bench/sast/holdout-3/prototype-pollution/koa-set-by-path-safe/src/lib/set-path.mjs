const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

export function setPath(root, dottedPath, value) {
  const keys = dottedPath.split('.');
  if (keys.some((k) => UNSAFE.has(k))) throw new Error('invalid path');
  const last = keys.pop();
  let node = root;
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {};
    }
    node = node[key];
  }
  node[last] = value;
  return root;
}
