const { exec } = require('child_process');
const { promisify } = require('util');

const execAsync = promisify(exec);

async function resizeImage(source, size, output) {
  await execAsync(`convert "${source}" -resize ${size} "${output}"`, { timeout: 20000 });
}

module.exports = { resizeImage };
