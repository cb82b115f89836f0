import { BadRequestException, Injectable } from '@nestjs/common';
import * as yaml from 'js-yaml';

export interface PipelineSpec {
  name: string;
  steps: { run: string }[];
}

@Injectable()
export class PipelinesService {
  parse(source: string): PipelineSpec {
    const spec = yaml.load(source, { schema: yaml.JSON_SCHEMA }) as PipelineSpec;
    if (!spec || !Array.isArray(spec.steps)) throw new BadRequestException('steps missing');
    return { name: String(spec.name), steps: spec.steps.map((s) => ({ run: String(s.run) })) };
  }
}
