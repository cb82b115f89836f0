const { exec } = require('child_process');
const { promisify } = require('util');

const run = promisify(exec);
const REPO_DIR = '/srv/docs-repo';

async function readmeAt(ref) {
  const { stdout } = await run('git show ' + ref + ':README.md', { cwd: REPO_DIR, maxBuffer: 1 << 20 }); // expect: command-injection
  return stdout;
}

module.exports = { readmeAt };
