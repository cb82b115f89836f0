export function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${source}$`); // expect: redos
}
