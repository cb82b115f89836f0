import { Body, Controller, Post } from '@nestjs/common';
import { PipelinesService } from './pipelines.service';

@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly pipelines: PipelinesService) {}

  @Post('lint')
  lint(@Body('yaml') source: string) {
    const spec = this.pipelines.parse(source);
    return { ok: true, steps: spec.steps.length };
  }
}
