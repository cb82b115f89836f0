#!/usr/bin/env node
const { mirrorRepository } = require('../lib/git');

const [, , repoUrl, target = 'mirror.git'] = process.argv;
if (!repoUrl) {
  console.error('usage: mirror <repository-url> [target-dir]');
  process.exit(1);
}

mirrorRepository(repoUrl, target);
console.log(`mirrored ${repoUrl} into ${target}`);
