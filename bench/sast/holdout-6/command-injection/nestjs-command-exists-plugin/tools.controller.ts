import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { execSync } from 'node:child_process';

@Controller('tools')
export class ToolsController {
  @Get('check')
  check(@Query('name') name: string) {
    if (!name) throw new BadRequestException('name required');
    try {
      execSync('command -v ' + name, { stdio: 'ignore' }); // expect: command-injection
      return { name, installed: true };
    } catch {
      return { name, installed: false };
    }
  }
}
