import { Controller, Get, Query } from '@nestjs/common';
import { MembersService } from './members.service';

@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get('lookup')
  lookup(@Query('email') email: string) {
    return this.members.findIdByEmail(email);
  }
}
