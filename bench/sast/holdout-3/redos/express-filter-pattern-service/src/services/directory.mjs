const employees = ['Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];

export function matchEmployees(pattern) {
  const re = new RegExp(pattern, 'i'); // expect: redos
  return employees.filter((name) => re.test(name));
}
