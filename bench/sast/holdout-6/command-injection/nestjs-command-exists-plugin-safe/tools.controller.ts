import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { execSync } from 'node:child_process';

@Controller('tools')
export class ToolsController {
  @Get('check')
  check(@Query('name') name: string) {
    if (!name || !/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(name)) throw new BadRequestException('bad name');
    try {
      execSync('command -v ' + name, { stdio: 'ignore' });
      return { name, installed: true };
    } catch {
      return { name, installed: false };
    }
  }
}
