import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';

@Controller('sso')
export class SsoController {
  @Get('return')
  back(@Query('returnTo') returnTo: string, @Res() res: Response) {
    const target = typeof returnTo === 'string' && /^\/(?![\/\\])[^\s]*$/.test(returnTo) ? returnTo : '/';
    return res.redirect(target);
  }
}
