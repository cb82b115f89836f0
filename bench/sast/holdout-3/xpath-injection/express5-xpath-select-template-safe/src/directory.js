import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const doc = new DOMParser().parseFromString(readFileSync(new URL('../data/directory.xml', import.meta.url), 'utf8'), 'text/xml');

export function findPhone(name) {
  const nodes = xpath.parse('//person[name=$name]/phone/text()').select({ node: doc, variables: { name } });
  return nodes.map((n) => n.nodeValue);
}
