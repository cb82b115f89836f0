import { Body, Controller, Post } from '@nestjs/common';
import { InvitesService } from './invites.service';

export class AcceptInviteDto {
  code!: string;
}

@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('accept')
  accept(@Body() dto: AcceptInviteDto) {
    return this.invites.accept(dto.code);
  }
}
