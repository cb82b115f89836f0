import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { AttachmentsService } from './attachments.service';
import { CreateAttachmentDto } from './create-attachment.dto';

@Controller('tickets/:ticketId/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  async upload(@Param('ticketId', ParseIntPipe) ticketId: number, @Body() body: CreateAttachmentDto) {
    const stored = await this.attachments.save(ticketId, body.fileName, body.contentBase64);
    return { fileName: stored };
  }
}
