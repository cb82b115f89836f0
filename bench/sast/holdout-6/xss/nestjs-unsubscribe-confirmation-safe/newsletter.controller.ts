import { Controller, Get, Header, Query } from '@nestjs/common';
import { escape } from 'lodash';
import { NewsletterService } from './newsletter.service';

@Controller('newsletter')
export class NewsletterController {
  constructor(private readonly newsletter: NewsletterService) {}

  @Get('unsubscribe')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async unsubscribe(@Query('email') email: string) {
    await this.newsletter.unsubscribe(email);
    const shown = escape(email);
    return `<!doctype html><p>${shown} will no longer receive our newsletter.</p>`;
  }
}
