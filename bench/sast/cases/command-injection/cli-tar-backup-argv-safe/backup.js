#!/usr/bin/env node
const { execFileSync } = require('child_process');
const path = require('path');

const [, , outName, ...dirs] = process.argv;
if (!outName || dirs.length === 0) {
  console.error('usage: backup <archive-name> <dir>...');
  process.exit(1);
}

const archive = path.join('/var/backups', path.basename(outName) + '.tar.gz');
execFileSync('tar', ['-czf', archive, '--', ...dirs], { stdio: 'inherit' });
console.log('wrote', archive);
