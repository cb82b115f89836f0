const { execFileSync } = require('child_process');

function mirrorRepository(url, dir) {
  execFileSync('git', ['clone', '--mirror', '--', url, dir], { stdio: 'inherit' });
}

module.exports = { mirrorRepository };
