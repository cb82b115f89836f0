import { Controller, Get, Header, Query } from '@nestjs/common';
import { CardsService } from './cards.service';

@Controller('cards')
export class CardsController {
  constructor(private readonly cards: CardsService) {}

  @Get('badge')
  @Header('Content-Type', 'text/html; charset=utf-8')
  badge(@Query('name') name: string) {
    return this.cards.badge(name);
  }
}
