export function highlight(text: string, term: string): string {
  if (!term) return text;
  const re = new RegExp('(' + term + ')', 'gi'); // expect: redos
  return text.replace(re, '**$1**');
}
