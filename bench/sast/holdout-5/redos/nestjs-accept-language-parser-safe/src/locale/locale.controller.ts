import { Controller, Get, Headers } from '@nestjs/common';
import { LocaleService } from './locale.service';

@Controller('locale')
export class LocaleController {
  constructor(private readonly locales: LocaleService) {}

  @Get()
  pick(@Headers('accept-language') header = '') {
    return { locale: this.locales.negotiate(header) };
  }
}
