import RE2 from 're2';

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&');
  const source = escaped.replace(/\\\*/g, '[^/]*').replace(/\\\?/g, '[^/]');
  return new RE2(`^${source}$`) as unknown as RegExp;
}
