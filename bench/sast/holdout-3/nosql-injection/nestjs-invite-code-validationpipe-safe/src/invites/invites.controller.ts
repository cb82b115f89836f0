import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { InvitesService } from './invites.service';

class RedeemDto {
  @IsString()
  @Length(8, 64)
  code!: string;
}

@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('redeem')
  redeem(@Body(new ValidationPipe({ whitelist: true })) dto: RedeemDto) {
    return this.invites.redeem(dto.code);
  }
}
