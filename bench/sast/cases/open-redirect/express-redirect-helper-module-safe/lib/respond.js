const config = require('./config');

function redirectTo(res, target) {
  res.redirect(302, config.basePath + target);
}

module.exports = { redirectTo };
