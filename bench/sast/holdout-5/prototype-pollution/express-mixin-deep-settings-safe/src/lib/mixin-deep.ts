type Dict = Record<string, any>;

const isObject = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mixinDeep(target: Dict, source: Dict): Dict {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = source[key];
    if (isObject(value)) {
      if (!isObject(target[key])) target[key] = {};
      mixinDeep(target[key], value);
    } else {
      target[key] = value;
    }
  }
  return target;
}
