import { Injectable } from '@nestjs/common';
import { escapeRegExp } from 'lodash';

export interface Product {
  sku: string;
  name: string;
}

@Injectable()
export class CatalogService {
  private readonly products: Product[] = [
    { sku: 'AB-1001', name: 'Desk lamp' },
    { sku: 'AB-1002', name: 'Desk mat' },
    { sku: 'CX-2001', name: 'Monitor arm' },
  ];

  findBySkuPrefix(prefix: string): Product[] {
    const source = escapeRegExp(prefix);
    const matcher = new RegExp(`^${source}`, 'i');
    return this.products.filter((p) => matcher.test(p.sku));
  }
}
