import he from 'he';

const PRODUCTS = ['kettle', 'toaster', 'blender', 'mixer'];

export function* resultRows(term) {
  const label = term;
  let any = false;
  for (const p of PRODUCTS) {
    if (!p.includes(term.toLowerCase())) continue;
    any = true;
    yield `<tr><td>${p}</td></tr>`;
  }
  if (!any) yield `<tr><td>No results for ${label}</td></tr>`;
}
