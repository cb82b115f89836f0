import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanWarning, SkippedFile } from '@rampart/core';
import { looksBinary, looksMinified } from '../files.js';

export type SecretSource = { kind: 'text'; text: string; warning?: ScanWarning } | { kind: 'skipped'; skipped: SkippedFile };

/**
 * Reads one file for the secret scan, or says why it is skipped: too large, binary (a NUL
 * byte), minified (huge lines: bundles restate their dependencies' code), or unreadable.
 * Invalid UTF-8 is read with replacement characters and noted: secrets are ASCII.
 */
export function readForSecrets(root: string, file: string, maxFileSize: number): SecretSource {
  try {
    const info = statSync(join(root, file));
    if (info.size > maxFileSize) return { kind: 'skipped', skipped: { file, reason: 'too-large', detail: `${info.size} bytes > ${maxFileSize} (maxFileSize)` } };
    const buffer = readFileSync(join(root, file));
    if (looksBinary(buffer)) return { kind: 'skipped', skipped: { file, reason: 'binary' } };
    const text = buffer.toString('utf8');
    if (looksMinified(file, text)) return { kind: 'skipped', skipped: { file, reason: 'minified', detail: 'long lines: minified or generated' } };
    const warning: ScanWarning | undefined = isUtf8(buffer)
      ? undefined
      : { kind: 'encoding', file, message: 'Not valid UTF-8: read with replacement characters; secrets in ASCII are still found.' };
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ...(warning ? { warning } : {}) };
  } catch (err) {
    return { kind: 'skipped', skipped: { file, reason: 'unreadable', detail: (err as Error).message } };
  }
}
