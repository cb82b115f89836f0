#!/usr/bin/env node
import { execFile } from 'node:child_process';
import { commands } from '../tools.config.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check <file...>');
  process.exit(2);
}

const [program, ...args] = commands.lint;
execFile(program, [...args, '--', ...files], (err, stdout, stderr) => {
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = err ? 1 : 0;
});
