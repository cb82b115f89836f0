import { Controller, Get, Header, Query } from '@nestjs/common';
import { GreetingService } from './greeting.service';

@Controller('welcome')
export class GreetingController {
  constructor(private readonly greetings: GreetingService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Query('name') name = 'guest', @Query('lng') lng = 'en') {
    const message = this.greetings.welcome(name, lng);
    return `<!doctype html><main><h1>${message}</h1></main>`;
  }
}
