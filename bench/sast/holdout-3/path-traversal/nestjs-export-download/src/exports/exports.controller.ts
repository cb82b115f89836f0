import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ExportsService } from './exports.service';

@Controller('exports')
export class ExportsController {
  constructor(private readonly exportsService: ExportsService) {}

  @Get('download')
  download(@Query('file') file: string, @Res() res: Response) {
    const location = this.exportsService.locate(file);
    res.download(location); // expect: path-traversal
  }
}
