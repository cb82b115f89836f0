type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeDeep(target: Json, source: Json): Json {
  for (const key of Object.keys(source)) {
    const incoming = source[key];
    if (isPlainObject(incoming)) {
      if (!isPlainObject(target[key])) target[key] = {}; // expect: prototype-pollution
      mergeDeep(target[key] as Json, incoming);
    } else {
      target[key] = incoming; // expect: prototype-pollution
    }
  }
  return target;
}
