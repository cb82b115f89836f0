import { Controller, Get, Query, Redirect } from '@nestjs/common';

@Controller('go')
export class LinksController {
  @Get()
  @Redirect('/', 302)
  go(@Query('to') to?: string) {
    if (!to) return undefined;
    return { url: to }; // expect: open-redirect
  }
}
