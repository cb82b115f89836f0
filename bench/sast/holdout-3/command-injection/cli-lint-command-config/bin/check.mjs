#!/usr/bin/env node
import { exec } from 'node:child_process';
import { commands } from '../tools.config.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check <file...>');
  process.exit(2);
}

const command = commands.lint(files.join(' '));
exec(command, (err, stdout, stderr) => { // expect: command-injection
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = err ? 1 : 0;
});
