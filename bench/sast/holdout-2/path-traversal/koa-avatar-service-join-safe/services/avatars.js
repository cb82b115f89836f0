const fs = require('fs/promises');
const path = require('path');

const AVATAR_DIR = path.join(__dirname, '..', 'storage', 'avatars');

async function read(fileName) {
  const filePath = path.join(AVATAR_DIR, path.basename(fileName));
  try {
    return await fs.readFile(filePath);
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

module.exports = { read };
