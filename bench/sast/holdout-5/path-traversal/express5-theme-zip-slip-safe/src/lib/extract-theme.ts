import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';

export function extractTheme(archive: Buffer, destination: string): number {
  const zip = new AdmZip(archive);
  let count = 0;
  for (const entry of zip.getEntries()) {
    if (entry.isDirectory) continue;
    const root = path.resolve(destination);
    const target = path.resolve(root, entry.entryName);
    if (!target.startsWith(root + path.sep)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.getData());
    count++;
  }
  return count;
}
