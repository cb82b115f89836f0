import { Injectable } from '@nestjs/common';
import { parseXml } from 'libxmljs';

@Injectable()
export class FeedParserService {
  titles(xml: string): string[] {
    const doc = parseXml(xml, { noent: true }); // expect: xxe
    return doc.find('//item/title').map((node) => (node as any).text());
  }
}
