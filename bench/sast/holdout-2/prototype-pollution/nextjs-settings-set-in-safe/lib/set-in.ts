export function setIn(target: Record<string, any>, keys: string[], value: unknown): void {
  if (keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) {
    throw new Error('invalid settings path');
  }
  let node = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
    } else {
      node[key] = node[key] ?? {};
      node = node[key];
    }
  });
}
