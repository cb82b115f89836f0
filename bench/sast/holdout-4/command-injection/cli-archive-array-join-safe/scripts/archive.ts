#!/usr/bin/env node
import { execFileSync } from 'node:child_process';

function parseArgs(argv: string[]): { out: string; dirs: string[] } {
  const [out = 'release.tgz', ...dirs] = argv.slice(2);
  return { out, dirs: dirs.length ? dirs : ['dist'] };
}

const { out, dirs } = parseArgs(process.argv);
const args = ['-czf', out, ...dirs];
const command = 'tar';
execFileSync(command, args, { stdio: 'inherit' });
console.log(`wrote ${out}`);
