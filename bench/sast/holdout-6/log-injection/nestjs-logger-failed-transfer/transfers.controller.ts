import { Body, Controller, Logger, Post } from '@nestjs/common';

@Controller('transfers')
export class TransfersController {
  private readonly logger = new Logger('Transfers');

  @Post()
  create(@Body() body: { amount: number; reference: string }) {
    const reference = String(body.reference ?? '');
    if (!(body.amount > 0)) {
      this.logger.warn(`rejected transfer, reference ${reference}`); // expect: log-injection
      return { ok: false };
    }
    return { ok: true };
  }
}
