/**
 * Template engines: which names a template outputs without HTML escaping. Used for
 * templates compiled from strings in code (Handlebars.compile('{{{x}}}')) and for view
 * files rendered with res.render (views/*.ejs, *.hbs, *.pug, *.njk).
 */
export type TemplateEngine = 'ejs' | 'handlebars' | 'pug' | 'nunjucks' | 'lodash';

/** Each engine's unescaped outputs; group 1 is the expression printed raw. */
const UNESCAPED: Record<TemplateEngine, readonly RegExp[]> = {
  ejs: [/<%-([^%]*(?:%(?!>)[^%]*)*)%>/g],
  handlebars: [/\{\{\{([^}]*)\}\}\}/g, /\{\{&([^}]*)\}\}/g],
  // pug: `p!= expr` runs to the end of the line; `!{expr}` inline.
  pug: [/!=([^\n]*)/g, /!\{([^}\n]*)\}/g],
  nunjucks: [/\{\{([^}]*)\|\s*safe\b/g],
  // lodash/underscore templates: <%= %> interpolates without escaping (<%- %> escapes).
  lodash: [/<%=([^%]*(?:%(?!>)[^%]*)*)%>/g],
};

const NOT_DATA = new Set(['true', 'false', 'null', 'undefined', 'typeof', 'new', 'this', 'in', 'of', 'instanceof', 'void', 'if', 'else', 'each', 'with', 'as', 'and', 'or', 'not']);

/** Names an output expression reads (first segments, outside string literals): `"Hi, " + user.name` → user. */
function namesIn(expression: string): string[] {
  const code = expression.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, '""');
  const out: string[] = [];
  for (const m of code.matchAll(/(^|[^.\w$])([A-Za-z_$][\w$]*)/g)) if (!NOT_DATA.has(m[2])) out.push(m[2]);
  return out;
}

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
    for (let m = re.exec(text); m; m = re.exec(text)) for (const name of namesIn(m[1])) out.add(name);
  }
  return [...out];
}
