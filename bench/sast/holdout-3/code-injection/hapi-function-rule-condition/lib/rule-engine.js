'use strict';

class RuleEngine {
  test(rule, event) {
    const predicate = new Function('event', `return Boolean(${rule.condition});`); // expect: code-injection
    return predicate(event);
  }
}

module.exports = { RuleEngine };
