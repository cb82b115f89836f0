import { Body, Controller, Param, Put } from '@nestjs/common';
import { TenantConfigService } from './tenant-config.service';

@Controller('tenants/:tenant/config')
export class TenantConfigController {
  constructor(private readonly configs: TenantConfigService) {}

  @Put()
  update(@Param('tenant') tenant: string, @Body() patch: Record<string, unknown>) {
    return this.configs.update(tenant, patch);
  }
}
