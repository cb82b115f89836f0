import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

const REGISTERED = new Map<string, string>([
  ['status', 'https://status.example.com/feed.json'],
  ['blog', 'https://blog.example.com/feed.json'],
]);

@Injectable()
export class FeedService {
  constructor(private readonly http: HttpService) {}

  async fetchItems(feed: string) {
    const url = feed;
    const { data } = await firstValueFrom(this.http.get<{ items: Array<{ title: string }> }>(url, { timeout: 3000 })); // expect: ssrf
    return { count: data.items.length, titles: data.items.map((i) => i.title) };
  }
}
