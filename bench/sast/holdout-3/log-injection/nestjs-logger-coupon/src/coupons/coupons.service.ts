import { Injectable, Logger } from '@nestjs/common';

const ACTIVE = new Set(['WELCOME10', 'SPRING24']);

@Injectable()
export class CouponsService {
  private readonly logger = new Logger(CouponsService.name);

  redeem(code: string): { valid: boolean } {
    if (!ACTIVE.has(code)) {
      this.logger.warn(`coupon rejected: ${code}`); // expect: log-injection
      return { valid: false };
    }
    return { valid: true };
  }
}
