import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';

@Injectable()
export class BooksService {
  private readonly catalog = new DOMParser().parseFromString(readFileSync('/srv/catalog.xml', 'utf8'), 'text/xml');

  titleOf(isbn: string) {
    return xpath.select(`string(//book[@isbn="${isbn}"]/title)`, this.catalog as unknown as Node); // expect: xpath-injection
  }
}
