#!/usr/bin/env node
const { deploy } = require('../lib/deploy');

const branch = process.argv[2] || 'main';

try {
  deploy(branch);
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
