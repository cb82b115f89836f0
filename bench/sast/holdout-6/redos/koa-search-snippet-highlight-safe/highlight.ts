import escapeRegExp from 'lodash/escapeRegExp';

export function highlight(text: string, term: string): string {
  if (!term) return text;
  const re = new RegExp('(' + escapeRegExp(term) + ')', 'gi');
  return text.replace(re, '**$1**');
}
