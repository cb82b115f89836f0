import { Body, Controller, Param, Patch } from '@nestjs/common';
import { TenantConfigService } from './tenant-config.service';

@Controller('tenants/:tenantId/config')
export class TenantConfigController {
  constructor(private readonly service: TenantConfigService) {}

  @Patch()
  update(@Param('tenantId') tenantId: string, @Body() patch: Record<string, unknown>) {
    return this.service.update(tenantId, patch);
  }
}
