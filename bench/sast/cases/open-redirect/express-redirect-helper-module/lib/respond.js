const config = require('./config');

function redirectTo(res, target) {
  res.redirect(302, config.basePath + target); // expect: open-redirect
}

module.exports = { redirectTo };
