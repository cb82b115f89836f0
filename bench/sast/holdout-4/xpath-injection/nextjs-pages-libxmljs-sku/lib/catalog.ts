import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseXml, type Document } from 'libxmljs';

let cached: Document | undefined;

export function loadCatalog(): Document {
  cached ??= parseXml(readFileSync(path.join(process.cwd(), 'data', 'catalog.xml'), 'utf8'));
  return cached;
}
