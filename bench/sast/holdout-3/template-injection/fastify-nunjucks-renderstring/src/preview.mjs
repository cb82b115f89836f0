import nunjucks from 'nunjucks';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('templates'), { autoescape: true });

export function renderPreview(template, customer) {
  return env.renderString(template, { customer }); // expect: template-injection
}
