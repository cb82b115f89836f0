import { Body, Controller, Post } from '@nestjs/common';
import { InviteDto, MailService } from './mail.service';

@Controller('invites')
export class InvitesController {
  constructor(private readonly mail: MailService) {}

  @Post('preview')
  preview(@Body() dto: InviteDto) {
    return { subject: this.mail.inviteSubject(dto) };
  }
}
