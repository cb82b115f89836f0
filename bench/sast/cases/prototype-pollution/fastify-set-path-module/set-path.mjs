export function setPath(target, dotted, value) {
  const keys = String(dotted).split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}; // expect: prototype-pollution
    node = node[key];
  }
  node[keys[keys.length - 1]] = value; // expect: prototype-pollution
}
