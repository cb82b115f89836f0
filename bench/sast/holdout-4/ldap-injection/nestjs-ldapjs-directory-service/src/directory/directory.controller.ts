import { Controller, Get, Query } from '@nestjs/common';
import { DirectoryService } from './directory.service';

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('lookup')
  lookup(@Query('email') email: string) {
    return this.directory.findByEmail(email);
  }
}
