const fs = require('fs/promises');
const path = require('path');

const UPLOAD_ROOT = path.join(__dirname, '..', 'public', 'uploads');

async function store(productId, fileName, data) {
  const dir = path.join(UPLOAD_ROOT, productId);
  await fs.mkdir(dir, { recursive: true }); // expect: path-traversal
  const target = path.join(dir, fileName);
  await fs.writeFile(target, data); // expect: path-traversal
  return path.relative(UPLOAD_ROOT, target);
}

module.exports = { store };
