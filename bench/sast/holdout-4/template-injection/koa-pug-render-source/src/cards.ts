import Router from '@koa/router';
import pug from 'pug';

const LAYOUTS = new Map<string, string>([
  ['compact', 'div.card\n  h3= title'],
  ['wide', 'div.card.wide\n  h2= title\n  p= subtitle'],
]);

export const cards = new Router();

cards.post('/cards/render', (ctx) => {
  const { layout, title, subtitle } = ctx.request.body as { layout: string; title: string; subtitle: string };
  const source = layout;
  ctx.body = { html: pug.render(source, { title, subtitle }) }; // expect: template-injection
});
