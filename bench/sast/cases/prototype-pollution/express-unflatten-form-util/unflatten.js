function unflatten(fields) {
  const result = {};
  for (const [name, value] of Object.entries(fields)) {
    const parts = name.split('.');
    let cur = result;
    for (let i = 0; i < parts.length - 1; i += 1) {
      const part = parts[i];
      cur[part] = cur[part] || {}; // expect: prototype-pollution
      cur = cur[part];
    }
    cur[parts[parts.length - 1]] = value; // expect: prototype-pollution
  }
  return result;
}

module.exports = { unflatten };
