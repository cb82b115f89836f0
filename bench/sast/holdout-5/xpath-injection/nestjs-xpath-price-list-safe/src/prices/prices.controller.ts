import { Controller, Get, Query } from '@nestjs/common';
import { PriceListService } from './price-list.service';

@Controller('prices')
export class PricesController {
  constructor(private readonly prices: PriceListService) {}

  @Get()
  price(@Query('sku') sku: string) {
    return { sku, price: this.prices.retailPrice(sku) };
  }
}
