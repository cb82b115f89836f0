export function filterByPrefix(items, prefix) {
  const re = new RegExp('^' + prefix); // expect: redos
  return items.filter((item) => re.test(item));
}
