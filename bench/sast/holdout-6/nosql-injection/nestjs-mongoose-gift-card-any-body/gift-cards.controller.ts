import { Body, Controller, Post } from '@nestjs/common';
import { GiftCardsService } from './gift-cards.service';

interface BalanceRequest {
  code: string;
  pin: string;
}

@Controller('gift-cards')
export class GiftCardsController {
  constructor(private readonly cards: GiftCardsService) {}

  @Post('balance')
  balance(@Body() body: BalanceRequest) {
    return this.cards.balance(body.code, body.pin);
  }
}
