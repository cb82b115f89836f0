import { Injectable } from '@nestjs/common';
import { parseXmlString } from 'libxmljs';

@Injectable()
export class FeedParserService {
  private readonly options = { noent: false, nocdata: true };

  titles(xml: string): string[] {
    const doc = parseXmlString(xml, this.options);
    return doc.find('//item/title').map((n) => n.text());
  }
}
