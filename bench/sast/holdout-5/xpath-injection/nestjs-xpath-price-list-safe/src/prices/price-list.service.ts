import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

@Injectable()
export class PriceListService {
  private readonly doc = new DOMParser().parseFromString(readFileSync('data/prices.xml', 'utf8'), 'text/xml');

  retailPrice(sku: string): string | null {
    const expression = "string(//item[@tier='retail' and @sku=$sku]/price)";
    const value = xpath.parse(expression).select({ node: this.doc as unknown as Node, variables: { sku: String(sku) } });
    return value ? String(value) : null;
  }
}
