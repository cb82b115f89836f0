import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { DirectoryService } from './directory.service';

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people/:uid')
  async person(@Param('uid') uid: string) {
    const person = await this.directory.findByUid(uid);
    if (!person) {
      throw new NotFoundException();
    }
    return person;
  }
}
