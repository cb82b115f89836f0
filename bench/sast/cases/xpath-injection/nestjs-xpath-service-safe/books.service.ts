import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';

const TITLE_BY_ISBN = xpath.parse('string(//book[@isbn=$isbn]/title)');

@Injectable()
export class BooksService {
  private readonly catalog = new DOMParser().parseFromString(readFileSync('/srv/catalog.xml', 'utf8'), 'text/xml');

  titleOf(isbn: string) {
    return TITLE_BY_ISBN.evaluateString({ node: this.catalog as unknown as Node, variables: { isbn: String(isbn) } });
  }
}
