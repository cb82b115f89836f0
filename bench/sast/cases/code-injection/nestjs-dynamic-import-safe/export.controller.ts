import { BadRequestException, Controller, Get, Param } from '@nestjs/common';

const FORMATS = ['csv', 'json', 'xlsx'] as const;

@Controller('export')
export class ExportController {
  @Get(':format')
  async export(@Param('format') format: string) {
    if (!(FORMATS as readonly string[]).includes(format)) throw new BadRequestException('unknown format');
    const formatter = await import(`./formatters/${format}.js`);
    return formatter.render([{ id: 1, name: 'example' }]);
  }
}
