const PLUGINS = new Map([
  ['slugify', './plugins/slugify'],
  ['word-count', './plugins/word-count'],
]);

function loadPlugin(name) {
  const modulePath = PLUGINS.get(name);
  return modulePath ? require(modulePath) : undefined;
}

module.exports = { loadPlugin };
