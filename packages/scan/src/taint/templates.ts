/**
 * Template engines: which names a template outputs without HTML escaping. Used for
 * templates compiled from strings in code (Handlebars.compile('{{{x}}}')) and for view
 * files rendered with res.render (views/*.ejs, *.hbs, *.pug, *.njk).
 */
export type TemplateEngine = 'ejs' | 'handlebars' | 'pug' | 'nunjucks' | 'lodash';

const UNESCAPED: Record<TemplateEngine, readonly RegExp[]> = {
  ejs: [/<%-\s*([A-Za-z_$][\w$]*)/g],
  handlebars: [/\{\{\{\s*([A-Za-z_$][\w$]*)/g, /\{\{&\s*([A-Za-z_$][\w$]*)/g],
  pug: [/!=\s*([A-Za-z_$][\w$]*)/g, /!\{\s*([A-Za-z_$][\w$]*)/g],
  nunjucks: [/\{\{\s*([A-Za-z_$][\w$]*)[^}]*\|\s*safe\b/g],
  // lodash/underscore templates: <%= %> interpolates without escaping (<%- %> escapes).
  lodash: [/<%=\s*([A-Za-z_$][\w$]*)/g],
};

/** The engine a package or a view file's extension stands for. */
export function engineOf(moduleOrExtension: string): TemplateEngine | undefined {
  const m = moduleOrExtension.replace(/^\./, '').toLowerCase();
  if (m === 'ejs') return 'ejs';
  if (/^(handlebars|hbs|mustache|express-handlebars|hogan\.js)$/.test(m)) return 'handlebars';
  if (m === 'pug' || m === 'jade') return 'pug';
  if (m === 'nunjucks' || m === 'njk') return 'nunjucks';
  if (m === 'lodash' || m === 'underscore' || m === '_' || m === 'lodash.template') return 'lodash';
  return undefined;
}

/** Names (first segment) a template writes without escaping. Linear-time patterns; the text is bounded by the caller. */
export function unescapedNames(engine: TemplateEngine, text: string): string[] {
  const out = new Set<string>();
  for (const re of UNESCAPED[engine]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
  }
  return [...out];
}
