export function compileFilter(field, value) {
  return new Function('row', `return row.${field} === ${JSON.stringify(String(value))};`);
}
