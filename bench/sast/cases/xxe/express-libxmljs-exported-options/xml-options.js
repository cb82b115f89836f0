'use strict';

exports.parseOptions = { noent: true, nonet: true, noblanks: true };
