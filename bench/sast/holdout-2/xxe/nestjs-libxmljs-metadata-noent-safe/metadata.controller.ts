import { BadRequestException, Body, Controller, Post } from '@nestjs/common';
import { MetadataService } from './metadata.service';

@Controller('sso/metadata')
export class MetadataController {
  constructor(private readonly metadata: MetadataService) {}

  @Post('import')
  import(@Body('xml') xml: string) {
    if (typeof xml !== 'string' || xml.length > 200_000) {
      throw new BadRequestException('xml must be a metadata document');
    }
    return this.metadata.summarise(xml);
  }
}
