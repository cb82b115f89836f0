const REF = /\$(\d+)\.([^/]+)/g;

function resolveReferences(path, results) {
  return path.replace(REF, (_, index, property) => {
    return eval(`results[${index}].${property}`); // expect: code-injection
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
