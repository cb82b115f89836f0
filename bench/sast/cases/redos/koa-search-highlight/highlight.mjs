export function highlight(text, term) {
  const pattern = new RegExp(term, 'gi'); // expect: redos
  return text.replace(pattern, (match) => `<<${match}>>`);
}
