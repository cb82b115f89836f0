import jsrender from 'jsrender';

const $ = jsrender();

export function renderWidget(template: string, data: Record<string, unknown>): string {
  const compiled = $.templates(template); // expect: template-injection
  return compiled.render(data);
}
