import { Body, Controller, Post } from '@nestjs/common';
import { CouponsService } from './coupons.service';

@Controller('coupons')
export class CouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Post('redeem')
  redeem(@Body('code') code: string) {
    return this.coupons.redeem(code);
  }
}
