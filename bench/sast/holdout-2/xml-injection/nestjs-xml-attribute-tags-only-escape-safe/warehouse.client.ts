import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { escapeXml } from './xml';

@Injectable()
export class WarehouseClient {
  private readonly url = process.env.WAREHOUSE_URL ?? 'http://warehouse.internal/api/reserve';

  async reserve(sku: string, quantity: number): Promise<string> {
    const { data } = await axios.post<string>(this.url, `<reserve><item sku="${escapeXml(sku)}" qty="${quantity}" priority="normal"/></reserve>`, { headers: { 'Content-Type': 'application/xml' }, responseType: 'text' });
    const match = /<reservation id="([\w-]+)"/.exec(data);
    return match ? match[1] : '';
  }
}
