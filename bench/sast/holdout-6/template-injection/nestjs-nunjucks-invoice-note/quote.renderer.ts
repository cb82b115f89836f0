import { Injectable } from '@nestjs/common';
import nunjucks from 'nunjucks';

const env = new nunjucks.Environment(null, { autoescape: true });

@Injectable()
export class QuoteRenderer {
  render(customer: string, note: string): string {
    const source = 'Quote for {{ customer }}\n' + note;
    return env.renderString(source, { customer }); // expect: template-injection
  }
}
