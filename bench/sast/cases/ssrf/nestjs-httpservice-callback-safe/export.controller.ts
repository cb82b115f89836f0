import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ExportService, ExportRequest } from './export.service';

@Controller('exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Post()
  @HttpCode(202)
  create(@Body() body: ExportRequest) {
    return this.exports.runExport(body);
  }
}
