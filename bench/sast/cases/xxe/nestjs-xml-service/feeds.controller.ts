import { Body, Controller, Post } from '@nestjs/common';
import { FeedParserService } from './feed-parser.service';

@Controller('feeds')
export class FeedsController {
  constructor(private readonly parser: FeedParserService) {}

  @Post('validate')
  validate(@Body() body: { xml: string }) {
    return { titles: this.parser.titles(body.xml) };
  }
}
