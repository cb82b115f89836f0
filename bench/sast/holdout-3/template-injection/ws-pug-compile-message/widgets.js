const pug = require('pug');

function renderWidget(message) {
  const render = pug.compile(message.template); // expect: template-injection
  return render({ title: message.title, items: message.items || [] });
}

module.exports = { renderWidget };
