function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mergeDeep(target, source) {
  for (const key of Object.keys(source)) {
    if (isObject(source[key])) {
      if (!isObject(target[key])) target[key] = {}; // expect: prototype-pollution
      mergeDeep(target[key], source[key]);
    } else {
      target[key] = source[key]; // expect: prototype-pollution
    }
  }
  return target;
}

module.exports = { mergeDeep };
