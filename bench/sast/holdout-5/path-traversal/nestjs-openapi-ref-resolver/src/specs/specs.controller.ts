import { Body, Controller, Post } from '@nestjs/common';
import { RefResolverService } from './ref-resolver.service';

@Controller('specs')
export class SpecsController {
  constructor(private readonly resolver: RefResolverService) {}

  @Post('bundle')
  bundle(@Body() spec: Record<string, unknown>) {
    return { bundled: this.resolver.inline(spec) };
  }
}
