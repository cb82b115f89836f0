const fs = require('fs/promises');

async function exportPad(padId, destFile) {
  await fs.writeFile(destFile, `pad ${padId.length}\n`);
}

module.exports = { exportPad };
