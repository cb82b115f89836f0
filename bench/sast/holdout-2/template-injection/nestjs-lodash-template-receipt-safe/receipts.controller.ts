import { Body, Controller, Post } from '@nestjs/common';
import { ReceiptsService } from './receipts.service';

@Controller('receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Post('preview')
  preview(@Body() body: { layout?: string; customer: string; total: number }) {
    return { html: this.receipts.render(body.layout, { customer: String(body.customer), total: Number(body.total) }) };
  }
}
