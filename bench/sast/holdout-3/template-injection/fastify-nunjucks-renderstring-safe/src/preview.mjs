import nunjucks from 'nunjucks';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('templates'), { autoescape: true });

export function renderPreview(message, customer) {
  return env.render('campaign-preview.njk', { customer, message });
}
