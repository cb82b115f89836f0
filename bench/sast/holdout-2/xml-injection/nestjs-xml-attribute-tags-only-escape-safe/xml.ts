import xmlEscape from 'xml-escape';

export function escapeXml(value: string): string {
  return xmlEscape(value);
}
