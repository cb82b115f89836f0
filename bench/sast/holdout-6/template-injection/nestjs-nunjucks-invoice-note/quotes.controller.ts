import { Body, Controller, Post } from '@nestjs/common';
import { QuoteRenderer } from './quote.renderer';

@Controller('quotes')
export class QuotesController {
  constructor(private readonly renderer: QuoteRenderer) {}

  @Post('preview')
  preview(@Body() body: { customer: string; note: string }) {
    return { text: this.renderer.render(body.customer, body.note) };
  }
}
