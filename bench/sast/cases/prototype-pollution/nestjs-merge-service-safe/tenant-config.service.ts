import { Injectable } from '@nestjs/common';

type Json = Record<string, any>;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function merge(target: Json, patch: Json): Json {
  for (const key in patch) {
    if (UNSAFE_KEYS.has(key) || !Object.hasOwn(patch, key)) continue;
    if (typeof patch[key] === 'object' && patch[key] !== null) {
      target[key] = merge(target[key] ?? Object.create(null), patch[key]);
    } else {
      target[key] = patch[key];
    }
  }
  return target;
}

@Injectable()
export class TenantConfigService {
  private readonly configs = new Map<string, Json>();

  update(tenant: string, patch: Json) {
    const current = this.configs.get(tenant) ?? Object.create(null);
    const next = merge(current, patch);
    this.configs.set(tenant, next);
    return { tenant, keys: Object.keys(next) };
  }
}
