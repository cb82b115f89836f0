import { Body, Controller, Post } from '@nestjs/common';
import { ExportService } from './export.service';

class ExportDto {
  title!: string;
  markdown!: string;
}

@Controller('export')
export class ExportController {
  constructor(private readonly exporter: ExportService) {}

  @Post('pdf')
  async pdf(@Body() dto: ExportDto) {
    const file = await this.exporter.toPdf(dto.title, dto.markdown);
    return { file };
  }
}
