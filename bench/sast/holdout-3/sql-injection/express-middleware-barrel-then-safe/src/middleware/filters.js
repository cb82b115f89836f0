'use strict';

module.exports = function filters(req, res, next) {
  req.filters = {
    region: typeof req.query.region === 'string' ? req.query.region : 'all',
    since: req.query.since ? new Date(String(req.query.since)) : new Date(Date.now() - 30 * 864e5),
  };
  next();
};
