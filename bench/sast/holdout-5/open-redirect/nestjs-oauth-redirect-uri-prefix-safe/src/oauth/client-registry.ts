import { Injectable, BadRequestException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

const CLIENTS: Record<string, { redirectUris: string[] }> = {
  web: { redirectUris: ['https://app.example.com/auth/callback'] },
};

@Injectable()
export class ClientRegistry {
  checkedRedirect(clientId: string, redirectUri: string): string {
    const client = Object.hasOwn(CLIENTS, clientId) ? CLIENTS[clientId] : undefined;
    if (!client) throw new BadRequestException('unknown client');
    const ok = client.redirectUris.includes(redirectUri);
    if (!ok) throw new BadRequestException('redirect_uri not registered');
    return redirectUri;
  }

  issueCode(_clientId: string): string {
    return randomBytes(16).toString('hex');
  }
}
