import { isAbsolute, resolve, dirname, sep } from 'node:path';
import { NO_ATTACK, type Inspection } from '../attack.js';
import type { UserInput } from '../context.js';

function variants(value: string): string[] {
  // Apps sometimes decode again what the framework already decoded once: check those forms too.
  const out = [value];
  let current = value;
  for (let k = 0; k < 2 && current.includes('%'); k++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
    out.push(current);
  }
  return out;
}

const hasDotDotSegment = (s: string) => /(^|[\\/])\.\.([\\/]|$)/.test(s);

/**
 * Path traversal: a user input found in a file path that carries a null byte, or `..` segments
 * or an absolute path that take the resolved path outside the directory the app put before it
 * (the working directory when the input is the whole path). `docs/a..b.txt` is not a segment.
 */
export function detectPathTraversal(filePath: string, inputs: readonly UserInput[]): Inspection & { source?: string } {
  if (filePath.length < 2) return NO_ATTACK;
  for (const input of inputs) {
    for (const value of variants(input.value)) {
      if (value.length < 2 || value.length > filePath.length) continue;
      const at = filePath.indexOf(value);
      if (at === -1) continue;
      const hit = (reason: string): Inspection & { source?: string } => ({ attack: true, kind: 'path-traversal', payload: input.value, reason, source: input.source });
      if (value.includes('\0')) return hit('input carries a null byte');
      const absolute = isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
      if (!absolute && !hasDotDotSegment(value)) continue;
      const prefix = filePath.slice(0, at);
      const base = prefix === '' ? process.cwd() : /[\\/]$/.test(prefix) ? resolve(prefix) : dirname(resolve(prefix + 'x'));
      const target = resolve(filePath);
      if (target !== base && !target.startsWith(base.endsWith(sep) ? base : base + sep)) {
        return hit(absolute ? 'input is an absolute path outside the intended directory' : 'input climbs out of the intended directory with ..');
      }
    }
  }
  return NO_ATTACK;
}

/**
 * Path traversal through path.join/path.resolve, which normalise `..` away before fs sees the
 * path: `combine` is the hooked function itself, so the base is what the app built before the
 * user's argument and the target what it built with it.
 */
export function detectPathTraversalInJoin(
  args: readonly unknown[],
  combine: (...parts: string[]) => string,
  inputs: readonly UserInput[],
): Inspection & { source?: string } {
  if (!args.every((a) => typeof a === 'string')) return NO_ATTACK;
  const parts = args as string[];
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!;
    for (const input of inputs) {
      const value = input.value;
      if (value.length < 2 || !part.includes(value)) continue;
      if (value.includes('\0')) return { attack: true, kind: 'path-traversal', payload: value, reason: 'input carries a null byte', source: input.source };
      const absolute = isAbsolute(value) || /^[A-Za-z]:[\\/]/.test(value);
      if (!absolute && !hasDotDotSegment(value)) continue;
      const base = resolve(combine(...parts.slice(0, k)));
      const target = resolve(combine(...parts));
      if (target !== base && !target.startsWith(base.endsWith(sep) ? base : base + sep)) {
        return { attack: true, kind: 'path-traversal', payload: value, reason: 'input climbs out of the directory the app joined it to', source: input.source };
      }
    }
  }
  return NO_ATTACK;
}
