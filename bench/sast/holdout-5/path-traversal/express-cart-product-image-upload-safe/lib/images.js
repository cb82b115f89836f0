const fs = require('fs/promises');
const path = require('path');

const UPLOAD_ROOT = path.join(__dirname, '..', 'public', 'uploads');

async function store(productId, fileName, data) {
  if (!/^[a-f0-9]{24}$/.test(String(productId))) throw new Error('invalid product id');
  const dir = path.join(UPLOAD_ROOT, productId);
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, path.basename(fileName));
  await fs.writeFile(target, data);
  return path.relative(UPLOAD_ROOT, target);
}

module.exports = { store };
