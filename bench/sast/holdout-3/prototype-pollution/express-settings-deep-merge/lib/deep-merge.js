'use strict';

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (isPlainObject(source[key])) {
      if (!isPlainObject(target[key])) target[key] = {}; // expect: prototype-pollution
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key]; // expect: prototype-pollution
    }
  }
  return target;
}

module.exports = deepMerge;
