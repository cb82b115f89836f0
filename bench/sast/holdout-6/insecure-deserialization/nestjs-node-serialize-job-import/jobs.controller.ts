import { Body, Controller, Post } from '@nestjs/common';
import { JobImportService } from './job-import.service';

@Controller('jobs')
export class JobsController {
  constructor(private readonly importer: JobImportService) {}

  @Post('import')
  import(@Body('dump') dump: string) {
    return this.importer.importDump(dump);
  }
}
