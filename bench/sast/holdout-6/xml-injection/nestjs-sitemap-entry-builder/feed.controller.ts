import { Body, Controller, Post } from '@nestjs/common';
import { appendFile } from 'node:fs/promises';

@Controller('feed')
export class FeedController {
  @Post('items')
  async add(@Body('title') title: string, @Body('slug') slug: string) {
    const safeSlug = encodeURIComponent(String(slug));
    const shownTitle = String(title);
    await appendFile('/var/www/partner-feed.xml.part', `<item><title>${shownTitle}</title><link>https://example.com/p/${safeSlug}</link></item>\n`); // expect: xml-injection
    return { ok: true };
  }
}
