import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const doc = new DOMParser().parseFromString(readFileSync('config/users.xml', 'utf8'), 'text/xml');

export function roleOf(user: string): string | null {
  const nodes = xpath.select(`//user[@name='${user}']/role/text()`, doc as unknown as Node) as Node[]; // expect: xpath-injection
  return nodes.length ? String(nodes[0].nodeValue) : null;
}
