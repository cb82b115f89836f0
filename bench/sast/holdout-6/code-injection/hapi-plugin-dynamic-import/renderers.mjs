import path from 'node:path';

const PLUGIN_DIR = path.resolve('plugins');

export async function loadRenderer(name) {
  const file = path.join(PLUGIN_DIR, name + '.js');
  return import(file); // expect: code-injection
}
