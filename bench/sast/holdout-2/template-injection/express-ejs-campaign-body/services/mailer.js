const ejs = require('ejs');

function renderCampaign(source, data) {
  return ejs.render(source, data); // expect: template-injection
}

module.exports = { renderCampaign };
