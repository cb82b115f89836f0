import { Controller, Get, Param } from '@nestjs/common';
import { InvoicesService } from './invoices.service';

@Controller('customers')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get(':customerId/invoices')
  list(@Param('customerId') customerId: string) {
    return this.invoices.forCustomer(customerId);
  }
}
