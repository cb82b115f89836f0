const vm = require('vm');

function applyTransform(script, payload) {
  const context = { payload, result: null };
  vm.runInNewContext(script, context, { timeout: 1000 }); // expect: code-injection
  return context.result;
}

module.exports = { applyTransform };
