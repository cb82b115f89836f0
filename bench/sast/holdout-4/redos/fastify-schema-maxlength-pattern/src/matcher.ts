import escapeStringRegexp from 'escape-string-regexp';

export function containsMatcher(q: string): RegExp {
  const source = q;
  return new RegExp(source, 'i'); // expect: redos
}
