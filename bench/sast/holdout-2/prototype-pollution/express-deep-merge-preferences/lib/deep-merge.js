function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (isObject(value)) {
      if (!isObject(target[key])) target[key] = {}; // expect: prototype-pollution
      deepMerge(target[key], value);
    } else {
      target[key] = value; // expect: prototype-pollution
    }
  }
  return target;
}

module.exports = { deepMerge };
