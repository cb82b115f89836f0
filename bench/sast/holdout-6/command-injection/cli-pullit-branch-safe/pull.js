#!/usr/bin/env node
const { execFileSync } = require('child_process');

const branch = process.argv[2];
if (!branch) {
  console.error('usage: pull <branch>');
  process.exit(1);
}
execFileSync('git', ['fetch', 'origin', '--', branch], { stdio: 'inherit' });
execFileSync('git', ['checkout', branch, '--'], { stdio: 'inherit' });
