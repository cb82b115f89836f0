const path = require('path');

function loadPlugin(name) {
  return require(path.join(__dirname, 'plugins', name)); // expect: code-injection
}

module.exports = { loadPlugin };
