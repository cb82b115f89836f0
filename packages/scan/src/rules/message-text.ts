/** Source text quoted in a message: whitespace folded to one line, cut at 60 characters. */
export function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
