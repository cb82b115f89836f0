import { Body, Controller, Post } from '@nestjs/common';
import { InvitesService } from './invites.service';

class RedeemDto {
  code!: string;
}

@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('redeem')
  redeem(@Body() dto: RedeemDto) {
    return this.invites.redeem(dto.code);
  }
}
