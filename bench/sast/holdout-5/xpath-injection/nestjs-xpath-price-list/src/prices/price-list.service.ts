import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

@Injectable()
export class PriceListService {
  private readonly doc = new DOMParser().parseFromString(readFileSync('data/prices.xml', 'utf8'), 'text/xml');

  retailPrice(sku: string): string | null {
    const expression = `string(//item[@tier='retail' and @sku='${sku}']/price)`;
    const value = xpath.select(expression, this.doc as unknown as Node); // expect: xpath-injection
    return value ? String(value) : null;
  }
}
