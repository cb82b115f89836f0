import { execSync } from 'node:child_process';

export function extractText(file, first, last) {
  return execSync(`pdftotext -f ${first} -l ${last} -layout ${file} -`, { encoding: 'utf8', timeout: 10000 }); // expect: command-injection
}
