const { exec } = require('child_process');
const crypto = require('crypto');
const util = require('util');

const run = util.promisify(exec);

async function cloneRepo(repo) {
  const dir = '/srv/projects/' + crypto.randomUUID();
  await run('git clone --depth 1 ' + repo + ' ' + dir); // expect: command-injection
  return dir;
}

module.exports = { cloneRepo };
