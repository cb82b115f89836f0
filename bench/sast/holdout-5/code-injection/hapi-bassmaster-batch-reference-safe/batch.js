const REF = /\$(\d+)\.([^/]+)/g;

function resolveReferences(path, results) {
  return path.replace(REF, (_, index, property) => {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(property)) throw new Error('bad reference');
    let value = results[Number(index)];
    for (const key of property.split('.')) value = value != null && Object.hasOwn(value, key) ? value[key] : undefined;
    return encodeURIComponent(String(value));
  });
}

async function runBatch(server, requests) {
  const results = [];
  for (const item of requests) {
    const url = resolveReferences(String(item.path), results);
    const res = await server.inject({ method: item.method || 'GET', url });
    results.push(res.result);
  }
  return results;
}

module.exports = { runBatch };
