'use strict';

module.exports = require('./orders');
