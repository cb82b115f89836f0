import { Controller, Get, Header, Query } from '@nestjs/common';

@Controller('notice')
export class NoticeController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  show(@Query('message') message = 'Saved.') {
    const text = message.slice(0, 200);
    return `<div class="notice">${text}</div>`; // expect: xss
  }
}
