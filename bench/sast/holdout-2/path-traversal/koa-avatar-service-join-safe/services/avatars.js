const fs = require('fs/promises');
const path = require('path');

const AVATAR_DIR = path.join(__dirname, '..', 'storage', 'avatars');

async function read(fileName) {
  try {
    return await fs.readFile(path.join(AVATAR_DIR, path.basename(fileName)));
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

module.exports = { read };
