import { Body, Controller, Post } from '@nestjs/common';
import { PartnerService } from './partner.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly partner: PartnerService) {}

  @Post('forward')
  forward(@Body() body: { sku: string; qty: number; note: string }) {
    return this.partner.submit(body.sku, body.qty, body.note);
  }
}
