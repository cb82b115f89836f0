import { Body, Controller, Put } from '@nestjs/common';
import { FlagsService } from './flags.service';

@Controller('flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Put()
  set(@Body() body: { tenant: string; flag: string; enabled: boolean }) {
    this.flags.set(body.tenant, body.flag, Boolean(body.enabled));
    return { ok: true };
  }
}
