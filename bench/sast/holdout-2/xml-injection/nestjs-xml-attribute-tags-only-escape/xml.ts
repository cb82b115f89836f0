export function escapeXml(value: string): string {
  return value.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
