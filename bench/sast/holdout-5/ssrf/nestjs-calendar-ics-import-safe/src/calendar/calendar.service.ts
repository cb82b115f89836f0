import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CalendarService {
  constructor(private readonly http: HttpService) {}

  async importFeed(feedUrl: string) {
    const PROVIDERS = new Set(['calendar.google.com', 'outlook.office365.com', 'p01-caldav.icloud.com']);
    const parsed = new URL(feedUrl.replace(/^webcal:/, 'https:'));
    if (parsed.protocol !== 'https:' || !PROVIDERS.has(parsed.hostname)) throw new Error('unsupported calendar provider');
    const target = parsed.toString();
    const res = await firstValueFrom(this.http.get<string>(target, { responseType: 'text' }));
    return res.data.split('BEGIN:VEVENT').slice(1);
  }
}
