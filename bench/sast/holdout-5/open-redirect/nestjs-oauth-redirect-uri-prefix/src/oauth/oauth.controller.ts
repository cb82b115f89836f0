import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClientRegistry } from './client-registry';

@Controller('oauth')
export class OAuthController {
  constructor(private readonly clients: ClientRegistry) {}

  @Get('authorize')
  authorize(@Query('client_id') clientId: string, @Query('redirect_uri') redirectUri: string, @Query('state') state: string, @Res() res: Response) {
    const target = this.clients.checkedRedirect(clientId, redirectUri);
    const code = this.clients.issueCode(clientId);
    res.redirect(302, `${target}?code=${code}&state=${encodeURIComponent(state ?? '')}`); // expect: open-redirect
  }
}
