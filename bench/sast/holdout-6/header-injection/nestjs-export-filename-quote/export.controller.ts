import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';

@Controller('export')
export class ExportController {
  @Get('contacts')
  contacts(@Query('name') name: string, @Res() res: Response) {
    const file = (name || 'contacts') + '.vcf';
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`); // expect: header-injection
    res.type('text/vcard').send('BEGIN:VCARD\nVERSION:4.0\nFN:Example\nEND:VCARD\n');
  }
}
