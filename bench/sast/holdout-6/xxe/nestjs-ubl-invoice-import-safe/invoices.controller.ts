import { Body, Controller, Post } from '@nestjs/common';
import { UblService } from './ubl.service';

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly ubl: UblService) {}

  @Post('import')
  importXml(@Body('xml') xml: string) {
    return this.ubl.summary(xml);
  }
}
