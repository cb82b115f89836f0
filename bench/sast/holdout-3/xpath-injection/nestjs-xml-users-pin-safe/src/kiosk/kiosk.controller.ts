import { Body, Controller, Post } from '@nestjs/common';
import { KioskAuthService } from './kiosk-auth.service';

@Controller('kiosk')
export class KioskController {
  constructor(private readonly auth: KioskAuthService) {}

  @Post('login')
  login(@Body() body: { name: string; pin: string }) {
    return this.auth.login(body.name, body.pin);
  }
}
