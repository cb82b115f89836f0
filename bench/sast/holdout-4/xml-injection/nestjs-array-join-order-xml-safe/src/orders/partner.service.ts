import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import xmlEscape from 'xml-escape';

const PARTNER_URL = 'https://edi.partner.example.com/orders';
const esc = (s: string) => xmlEscape(s.trim());

@Injectable()
export class PartnerService {
  constructor(private readonly http: HttpService) {}

  async submit(sku: string, qty: number, note: string) {
    const res = await firstValueFrom(this.http.post(PARTNER_URL, ['<order>', `<sku>${esc(sku)}</sku>`, `<qty>${Number(qty)}</qty>`, `<note>${esc(note)}</note>`, '</order>'].join(''), { headers: { 'Content-Type': 'application/xml' } }));
    return { accepted: res.status === 202 };
  }
}
