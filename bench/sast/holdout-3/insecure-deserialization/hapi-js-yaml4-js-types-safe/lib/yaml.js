'use strict';

const Yaml = require('js-yaml');

exports.parseDashboard = (text) => Yaml.load(text);
