import { Controller, Get, Query } from '@nestjs/common';
import { DirectoryService } from './directory.service';

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people')
  people(@Query('q') q: string) {
    return this.directory.search(q ?? '');
  }
}
