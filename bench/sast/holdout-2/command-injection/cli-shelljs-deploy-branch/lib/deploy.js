const shell = require('shelljs');

function checkBranch(branch) {
  return branch;
}

function deploy(branch) {
  const ref = checkBranch(branch);
  shell.cd('/srv/app');
  const result = shell.exec(`git fetch origin && git checkout ${ref} && npm ci --omit=dev`); // expect: command-injection
  if (result.code !== 0) {
    throw new Error(`deploy of ${ref} failed`);
  }
  shell.exec('systemctl restart app');
}

module.exports = { deploy };
