const { execSync } = require('child_process');

function mirrorRepository(url, dir) {
  execSync(`git clone --mirror ${url} ${dir}`, { stdio: 'inherit' }); // expect: command-injection
}

module.exports = { mirrorRepository };
