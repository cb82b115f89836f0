const state = { shapes: {}, meta: { title: 'Untitled' } };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function applyPatch(target, patch) {
  for (const key of Object.keys(patch).filter((k) => !UNSAFE_KEYS.has(k))) {
    const value = patch[key];
    if (value && typeof value === 'object') {
      if (!target[key] || typeof target[key] !== 'object') target[key] = {};
      applyPatch(target[key], value);
    } else {
      target[key] = value;
    }
  }
}

module.exports = { state, applyPatch };
