import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanWarning, SkippedFile } from '@rampart/core';
import { looksBinary, looksMinified } from '../files.js';

export type SecretSource = { kind: 'text'; text: string; warning?: ScanWarning } | { kind: 'skipped'; skipped: SkippedFile };

/**
 * One buffer reused for every file: only the decoded text outlives a read. A fresh buffer per
 * file costs an allocation, page faults and garbage collection for every byte scanned.
 */
let scratch = Buffer.allocUnsafe(256 * 1024);

/** The file's bytes, in the scratch buffer (valid until the next read), read to the size fstat gave. */
function readWhole(fd: number, size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, scratch, filled, size - filled, filled);
    if (n === 0) break; // the file shrank while being read
    filled += n;
  }
  return scratch.subarray(0, filled);
}

/**
 * Reads one file for the secret scan, or says why it is skipped: too large, binary (a NUL
 * byte), minified (huge lines: bundles restate their dependencies' code), or unreadable.
 * Invalid UTF-8 is read with replacement characters and noted: secrets are ASCII.
 */
export function readForSecrets(root: string, file: string, maxFileSize: number): SecretSource {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, file), 'r');
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return { kind: 'skipped', skipped: { file, reason: 'too-large', detail: `${size} bytes > ${maxFileSize} (maxFileSize)` } };
    const buffer = readWhole(fd, size);
    if (looksBinary(buffer)) return { kind: 'skipped', skipped: { file, reason: 'binary' } };
    // ASCII (most files) decodes the same as Latin-1, which is the cheaper decoder.
    const ascii = isAscii(buffer);
    const text = buffer.toString(ascii ? 'latin1' : 'utf8');
    if (looksMinified(file, text)) return { kind: 'skipped', skipped: { file, reason: 'minified', detail: 'long lines: minified or generated' } };
    const warning: ScanWarning | undefined =
      ascii || isUtf8(buffer) ? undefined : { kind: 'encoding', file, message: 'Not valid UTF-8: read with replacement characters; secrets in ASCII are still found.' };
    return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, ...(warning ? { warning } : {}) };
  } catch (err) {
    return { kind: 'skipped', skipped: { file, reason: 'unreadable', detail: (err as Error).message } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
