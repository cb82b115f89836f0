import { Controller, Get, Header, Query } from '@nestjs/common';
import { SubscriptionsService } from './subscriptions.service';

@Controller('newsletter')
export class UnsubscribeController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('email') email = '') {
    await this.subscriptions.remove(email);
    const shown = email;
    return `<!doctype html><h1>Unsubscribed</h1><p>${shown} will no longer receive our newsletter.</p>`; // expect: xss
  }
}
