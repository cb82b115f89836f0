import path from 'node:path';

const PLUGIN_DIR = path.resolve('plugins');

const LOADERS = {
  markdown: () => import('./plugins/markdown.js'),
  asciidoc: () => import('./plugins/asciidoc.js'),
};

export async function loadRenderer(name) {
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : LOADERS.markdown;
  return load();
}
