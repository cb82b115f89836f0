#!/usr/bin/env node
import { execFileSync } from 'node:child_process';

const container = process.argv[2];
if (!container) {
  console.error('usage: tail-logs <container>');
  process.exit(2);
}
const out = execFileSync('docker', ['logs', '--tail', '100', '--', container], { encoding: 'utf8' });
process.stdout.write(out);
