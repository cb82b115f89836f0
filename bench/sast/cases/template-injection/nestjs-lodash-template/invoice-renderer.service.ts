import { Injectable } from '@nestjs/common';
import template from 'lodash/template';

@Injectable()
export class InvoiceRenderer {
  render(layout: string, title: string): string {
    const compiled = template(layout); // expect: template-injection
    return compiled({ title, total: '0.00' });
  }
}
