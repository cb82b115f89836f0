import { Controller, Get, Query } from '@nestjs/common';
import { TemplatesService } from './templates.service';

@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get('preview')
  async preview(@Query('template') template: string) {
    return { source: await this.templates.load(template) };
  }
}
