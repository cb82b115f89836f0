const { exec } = require('child_process');
const util = require('util');

const run = util.promisify(exec);

async function deploy(projectPath, ref) {
  const branch = ref.replace('refs/heads/', '');
  const dir = `/srv/apps/${projectPath.replace(/[^\w-]/g, '_')}`;
  return run(`cd ${dir} && git fetch origin && git checkout -f origin/${branch} && npm ci --omit=dev`); // expect: command-injection
}

module.exports = { deploy };
