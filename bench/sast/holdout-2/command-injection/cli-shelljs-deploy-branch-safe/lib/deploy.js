const shell = require('shelljs');

function checkBranch(branch) {
  if (!/^[\w.][\w./-]{0,100}$/.test(branch)) {
    throw new Error('invalid branch name');
  }
  return branch;
}

function deploy(branch) {
  const ref = checkBranch(branch);
  shell.cd('/srv/app');
  const result = shell.exec(`git fetch origin && git checkout ${ref} && npm ci --omit=dev`);
  if (result.code !== 0) {
    throw new Error(`deploy of ${ref} failed`);
  }
  shell.exec('systemctl restart app');
}

module.exports = { deploy };
