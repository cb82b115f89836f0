import { Injectable } from '@nestjs/common';
import { template } from 'lodash';

const DEFAULT_LAYOUT = '<h1>Receipt</h1><p><%- customer %> paid <%- total.toFixed(2) %> EUR</p>';

@Injectable()
export class ReceiptsService {
  render(layout: string | undefined, data: { customer: string; total: number }): string {
    const source = DEFAULT_LAYOUT;
    return template(source)(data);
  }
}
