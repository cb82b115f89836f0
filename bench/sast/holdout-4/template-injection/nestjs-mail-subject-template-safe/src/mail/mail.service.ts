import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Handlebars from 'handlebars';

export class InviteDto {
  subjectTemplate!: string;
  teamName!: string;
  email!: string;
}

@Injectable()
export class MailService {
  constructor(private readonly config: ConfigService) {}

  inviteSubject(dto: InviteDto): string {
    const source = this.config.get<string>('INVITE_SUBJECT', 'Join {{teamName}}');
    return Handlebars.compile(source)({ teamName: dto.teamName });
  }
}
