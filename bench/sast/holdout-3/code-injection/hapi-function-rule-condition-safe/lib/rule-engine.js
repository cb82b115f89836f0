'use strict';

const jsonLogic = require('json-logic-js');

class RuleEngine {
  test(rule, event) {
    return Boolean(jsonLogic.apply(rule.condition, { event }));
  }
}

module.exports = { RuleEngine };
