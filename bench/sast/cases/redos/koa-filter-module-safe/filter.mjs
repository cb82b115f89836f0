import escapeRegExp from 'lodash/escapeRegExp.js';

export function filterByPrefix(items, prefix) {
  const re = new RegExp('^' + escapeRegExp(prefix));
  return items.filter((item) => re.test(item));
}
