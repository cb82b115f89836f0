const pug = require('pug');

const TEMPLATES = new Map([
  ['list', pug.compile('h3= title\nul\n  each item in items\n    li= item')],
  ['heading', pug.compile('h2= title')],
]);

function renderWidget(message) {
  const render = TEMPLATES.get(message.template) ?? TEMPLATES.get('heading');
  return render({ title: String(message.title), items: Array.isArray(message.items) ? message.items.map(String) : [] });
}

module.exports = { renderWidget };
