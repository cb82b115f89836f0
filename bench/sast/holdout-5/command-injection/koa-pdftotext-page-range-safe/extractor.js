import { execSync } from 'node:child_process';

export function extractText(file, firstPage, lastPage) {
  const first = Number.parseInt(firstPage, 10);
  const last = Number.parseInt(lastPage, 10);
  if (!Number.isInteger(first) || !Number.isInteger(last)) throw new Error('page numbers must be integers');
  return execSync(`pdftotext -f ${first} -l ${last} -layout ${file} -`, { encoding: 'utf8', timeout: 10000 });
}
