import type * as Jsonc from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { lazy } from '../lazy.js';
import { LockfileError, positionOf } from '../model.js';

/** jsonc-parser: for bun.lock, and to locate the error of a JSON file JSON.parse rejected. */
export const jsonc = lazy<typeof Jsonc>('jsonc-parser');

function firstError(text: string, file: string, errors: readonly ParseError[], what: string): LockfileError {
  const e = errors[0]!;
  const { line, column } = positionOf(text, e.offset);
  const truncated = e.offset >= text.trimEnd().length - 1 ? ' (the file looks truncated)' : '';
  return new LockfileError(`${file}:${line}:${column}: not valid ${what}: ${jsonc().printParseErrorCode(e.error)}${truncated}`);
}

/**
 * JSON.parse for speed; when it fails, jsonc-parser finds the position of the first error so
 * that the message names the line and column instead of a character offset.
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) throw new LockfileError(`${file}: nested too deeply to be a lockfile`);
    const errors: ParseError[] = [];
    jsonc().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0) throw firstError(text, file, errors, 'JSON');
    throw new LockfileError(`${file}: not valid JSON`);
  }
}

/** JSON with comments and trailing commas (bun.lock). */
export function parseJsoncFile(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = jsonc().parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (err) {
    if (err instanceof RangeError) throw new LockfileError(`${file}: nested too deeply to be a lockfile`);
    throw err;
  }
  if (errors.length > 0) throw firstError(text, file, errors, 'JSONC');
  return value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string-to-string map of a manifest field (dependencies, ...); anything else is empty. */
export function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
