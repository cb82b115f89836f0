// Transforms are code shipped with the app; the client only names one.
const TRANSFORMS = {
  identity: (p) => p,
  flatten: (p) => Object.assign({}, p && p.data, { id: p && p.id }),
  keys: (p) => Object.keys(p || {}),
};

function applyTransform(script, payload) {
  const fn = Object.hasOwn(TRANSFORMS, script) ? TRANSFORMS[script] : TRANSFORMS.identity;
  return fn(payload);
}

module.exports = { applyTransform };
