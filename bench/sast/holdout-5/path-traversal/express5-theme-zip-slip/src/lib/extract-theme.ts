import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';

export function extractTheme(archive: Buffer, destination: string): number {
  const zip = new AdmZip(archive);
  let count = 0;
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    const target = path.join(destination, entry.entryName);
    fs.mkdirSync(path.dirname(target), { recursive: true }); // expect: path-traversal
    fs.writeFileSync(target, entry.getData()); // expect: path-traversal
    count++;
  }
  return count;
}
