import { Body, Controller, Post } from '@nestjs/common';
import { InvoiceRenderer } from './invoice-renderer.service';

@Controller('invoices')
export class InvoiceController {
  constructor(private readonly renderer: InvoiceRenderer) {}

  @Post('render')
  render(@Body('layout') layout: string, @Body('title') title: string) {
    return { html: this.renderer.render(layout, title) };
  }
}
