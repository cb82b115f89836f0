import { Injectable } from '@nestjs/common';

@Injectable()
export class FlagsService {
  private readonly flags: Record<string, Record<string, boolean>> = {};

  set(tenant: string, flag: string, enabled: boolean) {
    this.flags[tenant] ??= {};
    this.flags[tenant][flag] = enabled; // expect: prototype-pollution
  }

  isOn(tenant: string, flag: string): boolean {
    return this.flags[tenant]?.[flag] === true;
  }
}
