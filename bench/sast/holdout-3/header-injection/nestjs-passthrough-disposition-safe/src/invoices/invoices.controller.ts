import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { InvoicesService } from './invoices.service';

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get(':id/pdf')
  async pdf(@Param('id', ParseIntPipe) id: number, @Query('filename') filename: string, @Res({ passthrough: true }) res: Response) {
    const pdf = await this.invoices.render(id);
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(filename ?? `invoice-${id}.pdf`)}`;
    res.set('Content-Type', 'application/pdf');
    res.set('Content-Disposition', disposition);
    return pdf;
  }
}
