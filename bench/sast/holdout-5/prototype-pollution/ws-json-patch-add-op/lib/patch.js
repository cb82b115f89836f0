function decode(segment) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function applyOperation(doc, op) {
  if (op.op !== 'add' && op.op !== 'replace') throw new Error(`unsupported op ${op.op}`);
  const segments = String(op.path).split('/').slice(1).map(decode);
  const last = segments.pop();
  let node = doc;
  for (const segment of segments) {
    if (node[segment] === undefined) node[segment] = {}; // expect: prototype-pollution
    node = node[segment];
  }
  node[last] = op.value; // expect: prototype-pollution
  return doc;
}

module.exports = { applyOperation };
