import { Controller, Delete, Param, ParseIntPipe } from '@nestjs/common';
import { JobsService } from './jobs.service';

@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Delete(':pid')
  stop(@Param('pid', ParseIntPipe) pid: number) {
    return this.jobs.terminate(pid);
  }
}
