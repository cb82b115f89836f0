import { Injectable } from '@nestjs/common';
import { deepMerge, type Json } from './merge';

@Injectable()
export class TenantConfigService {
  private readonly configs = new Map<string, Json>();

  update(tenantId: string, patch: Json): Json {
    const current = this.configs.get(tenantId) ?? { branding: { color: '#333' }, limits: { seats: 5 } };
    const merged = deepMerge(current, patch);
    this.configs.set(tenantId, merged);
    return { updated: Object.keys(patch) };
  }
}
