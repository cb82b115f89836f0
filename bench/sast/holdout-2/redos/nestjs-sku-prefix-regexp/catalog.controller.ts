import { Controller, Get, Query } from '@nestjs/common';
import { CatalogService } from './catalog.service';

@Controller('catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('skus')
  search(@Query('prefix') prefix = '') {
    return this.catalog.findBySkuPrefix(prefix).map((p) => ({ sku: p.sku, name: p.name }));
  }
}
