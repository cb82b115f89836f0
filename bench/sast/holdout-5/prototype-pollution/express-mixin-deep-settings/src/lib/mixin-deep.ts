type Dict = Record<string, any>;

const isObject = (v: unknown): v is Dict => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mixinDeep(target: Dict, source: Dict): Dict {
  for (const key in source) {
    const value = source[key];
    if (isObject(value)) {
      if (!isObject(target[key])) target[key] = {}; // expect: prototype-pollution
      mixinDeep(target[key], value);
    } else {
      target[key] = value; // expect: prototype-pollution
    }
  }
  return target;
}
