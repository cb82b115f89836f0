import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { FeedParserService } from './feed-parser.service';

@Controller('feeds')
export class FeedsController {
  constructor(private readonly parser: FeedParserService) {}

  @Post('upload')
  @UseInterceptors(FileInterceptor('feed'))
  upload(@UploadedFile() file: Express.Multer.File) {
    return { titles: this.parser.titles(file.buffer.toString('utf8')) };
  }
}
