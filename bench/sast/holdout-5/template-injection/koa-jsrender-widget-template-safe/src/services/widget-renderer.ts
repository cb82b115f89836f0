import jsrender from 'jsrender';

const $ = jsrender();

const SHIPPED: Record<string, string> = {
  card: '<div class="card"><h3>{{>title}}</h3><p>{{>body}}</p></div>',
  banner: '<div class="banner">{{>headline}}</div>',
};

export function renderWidget(template: string, data: Record<string, unknown>): string {
  if (!Object.hasOwn(SHIPPED, template)) throw new Error(`unknown widget ${template}`);
  const compiled = $.templates(SHIPPED[template]);
  return compiled.render(data);
}
