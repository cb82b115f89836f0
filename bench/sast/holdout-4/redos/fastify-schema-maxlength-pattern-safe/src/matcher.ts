import escapeStringRegexp from 'escape-string-regexp';

export function containsMatcher(q: string): RegExp {
  const source = escapeStringRegexp(q);
  return new RegExp(source, 'i');
}
