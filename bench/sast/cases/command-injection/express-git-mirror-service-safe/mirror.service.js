const { execFile } = require('child_process');
const path = require('path');
const crypto = require('crypto');

const MIRROR_ROOT = '/var/lib/mirrors';

function cloneRepository(repoUrl) {
  if (new URL(repoUrl).protocol !== 'https:') throw new Error('only https repositories');
  const target = path.join(MIRROR_ROOT, crypto.randomUUID());
  return new Promise((resolve, reject) => {
    execFile('git', ['clone', '--depth', '1', '--', repoUrl, target], { timeout: 120000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(stderr || err.message));
      resolve(target);
    });
  });
}

module.exports = { cloneRepository };
