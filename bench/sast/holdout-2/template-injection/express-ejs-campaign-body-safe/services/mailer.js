const ejs = require('ejs');

function renderCampaign(source, data) {
  return ejs.render(source, data);
}

module.exports = { renderCampaign };
