// "--format=csv --filter.region=eu --verbose" -> { format: 'csv', filter: { region: 'eu' }, verbose: true }
export function parseArgs(line) {
  const out = {};
  for (const token of line.split(/\s+/).filter(Boolean)) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(token);
    if (!m) continue;
    const keys = m[1].split('.');
    const last = keys.pop();
    let node = out;
    for (const key of keys) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}; // expect: prototype-pollution
      node = node[key];
    }
    node[last] = m[2] === undefined ? true : m[2]; // expect: prototype-pollution
  }
  return out;
}
