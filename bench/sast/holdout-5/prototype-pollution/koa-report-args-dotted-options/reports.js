export async function runReport(options) {
  return { format: options.format ?? 'json', region: options.filter?.region ?? 'all', rows: [] };
}
