import { Body, Controller, Post } from '@nestjs/common';
import { FeedService } from './feed.service';

@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedService) {}

  @Post('refresh')
  refresh(@Body('feedUrl') feedUrl: string) {
    return this.feeds.fetchItems(feedUrl);
  }
}
