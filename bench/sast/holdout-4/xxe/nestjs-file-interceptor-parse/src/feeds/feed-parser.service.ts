import { Injectable } from '@nestjs/common';
import { parseXmlString } from 'libxmljs';

@Injectable()
export class FeedParserService {
  private readonly options = { noent: true, nocdata: true };

  titles(xml: string): string[] {
    const doc = parseXmlString(xml, this.options); // expect: xxe
    return doc.find('//item/title').map((n) => n.text());
  }
}
