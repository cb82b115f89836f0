function evaluateFormula(expression, variables) {
  const names = Object.keys(variables);
  const compiled = new Function(...names, `"use strict"; return (${expression});`);
  return compiled(...names.map((name) => variables[name]));
}

module.exports = { evaluateFormula };
