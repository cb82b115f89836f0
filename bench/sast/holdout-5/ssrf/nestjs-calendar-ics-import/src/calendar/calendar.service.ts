import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class CalendarService {
  constructor(private readonly http: HttpService) {}

  async importFeed(feedUrl: string) {
    const target = feedUrl.replace(/^webcal:/, 'https:');
    const res = await firstValueFrom(this.http.get<string>(target, { responseType: 'text' })); // expect: ssrf
    return res.data.split('BEGIN:VEVENT').slice(1);
  }
}
