module.exports.setPath = function setPath(obj, dotted, value) {
  const keys = dotted.split('.');
  if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) throw new Error('bad path');
  let cur = obj;
  for (let i = 0; i < keys.length - 1; i++) {
    if (cur[keys[i]] === undefined) cur[keys[i]] = {};
    cur = cur[keys[i]];
  }
  cur[keys[keys.length - 1]] = value;
};
