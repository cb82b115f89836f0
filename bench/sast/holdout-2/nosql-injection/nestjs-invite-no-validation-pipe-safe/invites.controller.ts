import { Body, Controller, Post } from '@nestjs/common';
import { InvitesService } from './invites.service';
import { RedeemInviteDto } from './redeem-invite.dto';

@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('redeem')
  redeem(@Body() dto: RedeemInviteDto) {
    return this.invites.redeem(dto);
  }
}
