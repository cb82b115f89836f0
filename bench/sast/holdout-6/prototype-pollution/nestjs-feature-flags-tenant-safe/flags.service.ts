import { Injectable } from '@nestjs/common';

@Injectable()
export class FlagsService {
  private readonly flags = new Map<string, Map<string, boolean>>();

  set(tenant: string, flag: string, enabled: boolean) {
    if (!this.flags.has(tenant)) this.flags.set(tenant, new Map());
    this.flags.get(tenant)!.set(flag, enabled);
  }

  isOn(tenant: string, flag: string): boolean {
    return this.flags.get(tenant)?.get(flag) === true;
  }
}
