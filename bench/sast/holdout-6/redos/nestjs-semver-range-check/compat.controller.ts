import { Controller, Get, Query } from '@nestjs/common';
import { CompatService } from './compat.service';

@Controller('plugins')
export class CompatController {
  constructor(private readonly compat: CompatService) {}

  @Get('compat')
  check(@Query('range') range: string) {
    return { valid: this.compat.isRange(range ?? '') };
  }
}
