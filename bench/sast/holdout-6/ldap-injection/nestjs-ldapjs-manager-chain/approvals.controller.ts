import { Controller, Get, Query } from '@nestjs/common';
import { DirectoryService } from './directory.service';

@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('manager')
  manager(@Query('email') email: string) {
    return this.directory.managerOf(email);
  }
}
