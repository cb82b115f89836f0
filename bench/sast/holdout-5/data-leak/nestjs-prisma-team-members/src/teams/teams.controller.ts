import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { TeamsService } from './teams.service';

@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get(':id/members')
  async members(@Param('id', ParseIntPipe) id: number) {
    const members = await this.teams.members(id);
    return members; // expect: data-leak
  }
}
