import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { InvitesService } from './invites.service';

export class AcceptInviteDto {
  @IsString()
  @Length(32, 32)
  code!: string;
}

@Controller('invites')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('accept')
  accept(@Body(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })) dto: AcceptInviteDto) {
    return this.invites.accept(dto.code);
  }
}
