import { Controller, Get, Query } from '@nestjs/common';
import { LogsService } from './logs.service';

@Controller('logs')
export class LogsController {
  constructor(private readonly logs: LogsService) {}

  @Get('search')
  search(@Query('pattern') pattern: string) {
    return { lines: this.logs.search(pattern ?? '') };
  }
}
