module.exports = {
  CAMPAIGN_TEMPLATES: {
    welcome: '<p>Hi <%= firstName %>, welcome aboard!</p>',
    winback: '<p><%= firstName %>, we miss you. Here is 10% off.</p>',
  },
};
