import { parseXml } from 'libxmljs2';
import { xmlParseOptions } from './config';

export class InvoiceService {
  totals(xml: string): { number: string; total: number } {
    const doc = parseXml(xml, xmlParseOptions);
    return {
      number: doc.get('/invoice/number')?.text() ?? '',
      total: Number(doc.get('/invoice/total')?.text() ?? 0),
    };
  }
}
