import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const db = new DOMParser().parseFromString(readFileSync('./items.xml', 'utf8'), 'text/xml');

export function findItem(name: string) {
  const nodes = xpath.select(`//item[@name='${name}' and not(@admin_only='true')]`, db as any) as any[]; // expect: xpath-injection
  return nodes.map((n) => ({ name: n.getAttribute('name'), power: n.getAttribute('power') }));
}
