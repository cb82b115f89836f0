import { Controller, Get, NotFoundException, Param, ParseIntPipe } from '@nestjs/common';
import { ProfilesService } from './profiles.service';

@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get(':id')
  async findOne(@Param('id', ParseIntPipe) id: number) {
    const user = await this.profiles.findById(id);
    if (!user) {
      throw new NotFoundException();
    }
    return user;
  }
}
