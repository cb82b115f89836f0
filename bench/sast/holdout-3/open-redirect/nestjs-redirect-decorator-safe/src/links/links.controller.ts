import { Controller, Get, Query, Redirect } from '@nestjs/common';

const DESTINATIONS: Readonly<Record<string, string>> = Object.freeze({
  docs: 'https://docs.example.com/',
  status: 'https://status.example.com/',
  blog: '/blog',
});

@Controller('go')
export class LinksController {
  @Get()
  @Redirect('/', 302)
  go(@Query('to') to?: string) {
    if (!to || !Object.hasOwn(DESTINATIONS, to)) return undefined;
    return { url: DESTINATIONS[to] };
  }
}
