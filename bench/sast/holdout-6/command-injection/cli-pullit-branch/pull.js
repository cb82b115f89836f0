#!/usr/bin/env node
const { execSync } = require('child_process');

const branch = process.argv[2];
if (!branch) {
  console.error('usage: pull <branch>');
  process.exit(1);
}
execSync('git fetch origin ' + branch + ' && git checkout ' + branch, { stdio: 'inherit' }); // expect: command-injection
