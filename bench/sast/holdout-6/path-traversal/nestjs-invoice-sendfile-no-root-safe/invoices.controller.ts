import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { basename } from 'node:path';

const INVOICE_DIR = '/var/app/invoices';

@Controller('invoices')
export class InvoicesController {
  @Get(':file/pdf')
  download(@Param('file') file: string, @Res() res: Response) {
    res.sendFile(basename(file), { root: INVOICE_DIR });
  }
}
