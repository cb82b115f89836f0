const fs = require('fs/promises');
const path = require('path');
const crypto = require('crypto');

async function storeAvatar(userId, tempPath) {
  const name = `${Number(userId)}-${crypto.randomUUID()}.png`;
  await fs.copyFile(tempPath, path.join('/srv/avatars', name));
  return name;
}

module.exports = { storeAvatar };
