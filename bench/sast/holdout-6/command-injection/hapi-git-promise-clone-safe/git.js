const { execFile } = require('child_process');
const crypto = require('crypto');
const util = require('util');

const run = util.promisify(execFile);

async function cloneRepo(repo) {
  const dir = '/srv/projects/' + crypto.randomUUID();
  await run('git', ['clone', '--depth', '1', '--', String(repo), dir]);
  return dir;
}

module.exports = { cloneRepo };
