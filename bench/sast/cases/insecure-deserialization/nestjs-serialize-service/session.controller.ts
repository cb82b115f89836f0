import { Controller, Get, Headers } from '@nestjs/common';
import { SessionService } from './session.service';

@Controller('session')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Get()
  current(@Headers('x-session') token: string) {
    return { userId: this.sessions.restore(token).userId };
  }
}
