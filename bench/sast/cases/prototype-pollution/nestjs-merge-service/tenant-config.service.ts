import { Injectable } from '@nestjs/common';

type Json = Record<string, any>;

function merge(target: Json, patch: Json): Json {
  for (const key in patch) {
    if (typeof patch[key] === 'object' && patch[key] !== null) {
      target[key] = merge(target[key] ?? {}, patch[key]); // expect: prototype-pollution
    } else {
      target[key] = patch[key]; // expect: prototype-pollution
    }
  }
  return target;
}

@Injectable()
export class TenantConfigService {
  private readonly configs = new Map<string, Json>();

  update(tenant: string, patch: Json) {
    const current = this.configs.get(tenant) ?? {};
    const next = merge(current, patch);
    this.configs.set(tenant, next);
    return { tenant, keys: Object.keys(next) };
  }
}
