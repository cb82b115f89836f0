import Handlebars from 'handlebars';

export function previewFooter(source: string, data: Record<string, unknown>): string {
  const template = Handlebars.compile(source); // expect: template-injection
  return template(data);
}
