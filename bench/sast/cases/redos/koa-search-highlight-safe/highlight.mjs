import escapeStringRegexp from 'escape-string-regexp';

export function highlight(text, term) {
  const pattern = new RegExp(escapeStringRegexp(term), 'gi');
  return text.replace(pattern, (match) => `<<${match}>>`);
}
