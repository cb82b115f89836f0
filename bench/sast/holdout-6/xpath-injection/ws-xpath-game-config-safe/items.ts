import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const db = new DOMParser().parseFromString(readFileSync('./items.xml', 'utf8'), 'text/xml');

export function findItem(name: string) {
  if (!/^[A-Za-z0-9 _-]{1,40}$/.test(name)) return [];
  const nodes = xpath.select(`//item[@name='${name}' and not(@admin_only='true')]`, db as any) as any[];
  return nodes.map((n) => ({ name: n.getAttribute('name'), power: n.getAttribute('power') }));
}
