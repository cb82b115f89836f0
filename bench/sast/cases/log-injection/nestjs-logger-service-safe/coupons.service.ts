import { Injectable, Logger } from '@nestjs/common';

@Injectable()
export class CouponsService {
  private readonly logger = new Logger(CouponsService.name);
  private readonly valid = new Set(['WELCOME10', 'SPRING24']);

  redeem(code: string) {
    if (!this.valid.has(code)) {
      this.logger.warn(`rejected coupon code ${String(code).replace(/[\r\n]+/g, ' ')}`);
      return { ok: false };
    }
    return { ok: true };
  }
}
