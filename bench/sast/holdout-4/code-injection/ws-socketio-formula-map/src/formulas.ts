export const FORMULAS = new Map<string, string>([
  ['margin', '(row.price - row.cost) / row.price'],
  ['total', 'row.price * row.qty'],
]);
