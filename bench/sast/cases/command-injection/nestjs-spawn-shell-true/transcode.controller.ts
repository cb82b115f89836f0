import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { TranscodeService } from './transcode.service';

class TranscodeDto {
  preset: string;
}

@Controller('media')
export class TranscodeController {
  constructor(private readonly transcoder: TranscodeService) {}

  @Post(':id/transcode')
  async transcode(@Param('id', ParseUUIDPipe) id: string, @Body() dto: TranscodeDto) {
    const output = await this.transcoder.transcode(id, dto.preset);
    return { output };
  }
}
