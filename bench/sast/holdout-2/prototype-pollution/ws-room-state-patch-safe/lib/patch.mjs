const isPlainObject = (value) => Object.prototype.toString.call(value) === '[object Object]';

export function applyPatch(target, patch) {
  for (const key in patch) {
    if (!Object.prototype.hasOwnProperty.call(patch, key)) continue;
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (isPlainObject(patch[key])) {
      if (!isPlainObject(target[key])) target[key] = {};
      applyPatch(target[key], patch[key]);
    } else {
      target[key] = patch[key];
    }
  }
  return target;
}
