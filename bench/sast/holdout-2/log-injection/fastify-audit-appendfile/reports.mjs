export async function buildReport(name) {
  return `report,generated\n${JSON.stringify(name)},${new Date().toISOString()}\n`;
}
