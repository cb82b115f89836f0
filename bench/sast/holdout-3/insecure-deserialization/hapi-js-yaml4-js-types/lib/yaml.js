'use strict';

const Yaml = require('js-yaml');
const JsTypes = require('js-yaml-js-types');

const SCHEMA = Yaml.DEFAULT_SCHEMA.extend([JsTypes.function, JsTypes.regexp]);

exports.parseDashboard = (text) => Yaml.load(text, { schema: SCHEMA }); // expect: insecure-deserialization
