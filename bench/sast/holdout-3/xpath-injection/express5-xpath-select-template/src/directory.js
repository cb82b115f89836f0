import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const doc = new DOMParser().parseFromString(readFileSync(new URL('../data/directory.xml', import.meta.url), 'utf8'), 'text/xml');

export function findPhone(name) {
  const nodes = xpath.select(`//person[name='${name}']/phone/text()`, doc); // expect: xpath-injection
  return nodes.map((n) => n.nodeValue);
}
