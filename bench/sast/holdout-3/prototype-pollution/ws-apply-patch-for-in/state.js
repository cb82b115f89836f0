const state = { shapes: {}, meta: { title: 'Untitled' } };

function applyPatch(target, patch) {
  for (const key in patch) {
    const value = patch[key];
    if (value && typeof value === 'object') {
      if (!target[key] || typeof target[key] !== 'object') target[key] = {}; // expect: prototype-pollution
      applyPatch(target[key], value);
    } else {
      target[key] = value; // expect: prototype-pollution
    }
  }
}

module.exports = { state, applyPatch };
