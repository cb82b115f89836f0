import { Injectable, UnauthorizedException } from '@nestjs/common';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import * as xpath from 'xpath';

@Injectable()
export class KioskAuthService {
  private readonly users = new DOMParser().parseFromString(readFileSync('config/kiosk-users.xml', 'utf8'), 'text/xml');

  login(name: string, pin: string): { name: string } {
    const match = xpath.select(`//user[@name='${name}' and @pin='${pin}']`, this.users) as Element[]; // expect: xpath-injection
    if (match.length === 0) throw new UnauthorizedException();
    return { name: match[0].getAttribute('name') ?? '' };
  }
}
