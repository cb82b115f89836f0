import { Injectable } from '@nestjs/common';
import { parseXml } from 'libxmljs2';

const NS = { cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2' };

@Injectable()
export class UblService {
  summary(xml: string) {
    const doc = parseXml(xml, { noent: true }); // expect: xxe
    return { number: doc.get('//cbc:ID', NS)?.text(), total: doc.get('//cbc:PayableAmount', NS)?.text() };
  }
}
