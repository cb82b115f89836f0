#!/usr/bin/env node
import { execSync } from 'node:child_process';

const container = process.argv[2];
if (!container) {
  console.error('usage: tail-logs <container>');
  process.exit(2);
}
const out = execSync(`docker logs --tail 100 ${container}`, { encoding: 'utf8' }); // expect: command-injection
process.stdout.write(out);
