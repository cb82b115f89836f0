import { Injectable } from '@nestjs/common';
import { escape } from 'html-escaper';

@Injectable()
export class NoticeService {
  page(message: string): string {
    const text = escape(message);
    return `<!doctype html><main class="notice"><p>${text}</p><a href="/">Back</a></main>`;
  }
}
