'use strict';

module.exports = {
  ...require('./sales'),
};
