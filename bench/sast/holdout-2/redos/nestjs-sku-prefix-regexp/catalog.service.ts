import { Injectable } from '@nestjs/common';

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
    const source = prefix;
    const matcher = new RegExp(`^${source}`, 'i'); // expect: redos
    return this.products.filter((p) => matcher.test(p.sku));
  }
}
