import { Controller, Get, Query } from '@nestjs/common';
import { StoresService } from '@app/stores/stores.service';

@Controller('stores')
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  list(@Query('region') region: string) {
    return this.stores.inRegion(region);
  }
}
