import { Injectable } from '@nestjs/common';
import { DOMParser } from '@xmldom/xmldom';

@Injectable()
export class FeedParserService {
  titles(xml: string): string[] {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    return Array.from(doc.getElementsByTagName('title')).map((node) => node.textContent ?? '');
  }
}
