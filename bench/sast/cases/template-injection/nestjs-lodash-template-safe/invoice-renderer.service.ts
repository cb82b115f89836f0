import { Injectable } from '@nestjs/common';
import template from 'lodash/template';

const INVOICE_LAYOUT = template('<h1><%- title %></h1><p>Total: <%- total %></p>');

@Injectable()
export class InvoiceRenderer {
  render(_layout: string, title: string): string {
    return INVOICE_LAYOUT({ title, total: '0.00' });
  }
}
