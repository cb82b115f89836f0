import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedFile } from '@rampart/core';
import { looksBinary, looksMinified } from '../files.js';

export type Source = { kind: 'text'; text: string } | { kind: 'skipped'; skipped: SkippedFile };

/** Reads one file for analysis, or says why it is skipped (too large, binary, minified). */
export async function readSource(root: string, file: string, maxFileSize: number): Promise<Source> {
  const abs = join(root, file);
  try {
    const info = await stat(abs);
    if (info.size > maxFileSize) {
      return { kind: 'skipped', skipped: { file, reason: 'too-large', detail: `${info.size} bytes > ${maxFileSize}` } };
    }
    const buffer = await readFile(abs);
    if (looksBinary(buffer)) return { kind: 'skipped', skipped: { file, reason: 'binary' } };
    const text = buffer.toString('utf8');
    if (looksMinified(file, text)) return { kind: 'skipped', skipped: { file, reason: 'minified' } };
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return { kind: 'skipped', skipped: { file, reason: 'unreadable', detail: (err as Error).message } };
  }
}
