import { Body, Controller, Post } from '@nestjs/common';
import { CalendarService } from './calendar.service';

class ImportFeedDto {
  url!: string;
}

@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Post('import')
  async import(@Body() dto: ImportFeedDto) {
    const events = await this.calendar.importFeed(dto.url);
    return { imported: events.length };
  }
}
