import { Controller, Delete, Param } from '@nestjs/common';
import { JobsService } from './jobs.service';

@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Delete(':pid')
  stop(@Param('pid') pid: string) {
    return this.jobs.terminate(pid);
  }
}
