export function setPath(root, dottedPath, value) {
  const keys = dottedPath.split('.');
  const last = keys.pop();
  let node = root;
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null) {
      node[key] = {}; // expect: prototype-pollution
    }
    node = node[key];
  }
  node[last] = value; // expect: prototype-pollution
  return root;
}
