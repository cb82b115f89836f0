const ROWS = [
  ['sku', 'stock'],
  ['AB-100', 12],
  ['CX-310', 0],
];

export async function buildCsv() {
  return ROWS.map((row) => row.join(',')).join('\n');
}
