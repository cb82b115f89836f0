import Router from '@koa/router';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const doc = new DOMParser().parseFromString(readFileSync(new URL('./staff.xml', import.meta.url), 'utf8'), 'text/xml');

export const directory = new Router();

function extensionOf(user) {
  const nodes = xpath.parse('//person[login=$user]/extension/text()').select({ node: doc, variables: { user } });
  return nodes.map((n) => n.nodeValue);
}

directory.get('/directory/extension', (ctx) => {
  ctx.body = { extensions: extensionOf(String(ctx.query.user ?? '')) };
});
