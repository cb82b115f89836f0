'use strict';

exports.parseOptions = { noent: false, nonet: true, noblanks: true };
