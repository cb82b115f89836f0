import { Controller, Get, Param } from '@nestjs/common';

@Controller('export')
export class ExportController {
  @Get(':format')
  async export(@Param('format') format: string) {
    const formatter = await import(`./formatters/${format}.js`); // expect: code-injection
    return formatter.render([{ id: 1, name: 'example' }]);
  }
}
