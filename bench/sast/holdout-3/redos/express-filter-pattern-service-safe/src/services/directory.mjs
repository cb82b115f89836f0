import escapeStringRegexp from 'escape-string-regexp';

const employees = ['Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];

export function matchEmployees(pattern) {
  const re = new RegExp(escapeStringRegexp(pattern), 'i');
  return employees.filter((name) => re.test(name));
}
