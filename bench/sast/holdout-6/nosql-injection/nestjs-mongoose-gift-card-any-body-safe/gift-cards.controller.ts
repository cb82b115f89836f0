import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { GiftCardsService } from './gift-cards.service';

class BalanceRequest {
  @IsString() @Length(16, 16) code!: string;
  @IsString() @Length(4, 4) pin!: string;
}

@Controller('gift-cards')
export class GiftCardsController {
  constructor(private readonly cards: GiftCardsService) {}

  @Post('balance')
  balance(@Body(new ValidationPipe({ whitelist: true })) body: BalanceRequest) {
    return this.cards.balance(body.code, body.pin);
  }
}
