const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function unflatten(fields) {
  const result = {};
  for (const [name, value] of Object.entries(fields)) {
    const parts = name.split('.');
    if (parts.some((p) => FORBIDDEN.has(p))) continue;
    let cur = result;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const part = parts[i];
      cur[part] = cur[part] || {};
      cur = cur[part];
    }
    cur[parts[parts.length - 1]] = value;
  }
  return result;
}

module.exports = { unflatten };
