#!/usr/bin/env node
const { exec } = require('node:child_process');

const label = String(process.argv[2] ?? 'nightly').replace(/"/g, '');

exec(`tar -czf "/var/backups/app-${label}.tgz" -C /srv/app data uploads`, (err, stdout, stderr) => { // expect: command-injection
  if (err) {
    console.error(stderr);
    process.exit(1);
  }
  console.log(`backup app-${label}.tgz written`);
});
