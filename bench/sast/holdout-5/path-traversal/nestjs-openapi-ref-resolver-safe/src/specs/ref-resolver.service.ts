import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SPEC_DIR = path.resolve('specs/shared');

@Injectable()
export class RefResolverService {
  inline(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.inline(item));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const file = path.resolve(SPEC_DIR, ref);
      const rel = path.relative(SPEC_DIR, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`$ref ${ref} leaves the shared specs folder`);
      return JSON.parse(readFileSync(file, 'utf8'));
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, this.inline(v)]));
  }
}
