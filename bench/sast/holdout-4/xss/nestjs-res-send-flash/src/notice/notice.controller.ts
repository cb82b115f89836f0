import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NoticeService } from './notice.service';

@Controller('notice')
export class NoticeController {
  constructor(private readonly notices: NoticeService) {}

  @Get()
  show(@Query('msg') msg = '', @Res() res: Response) {
    res.type('html').send(this.notices.page(msg)); // expect: xss
  }
}
