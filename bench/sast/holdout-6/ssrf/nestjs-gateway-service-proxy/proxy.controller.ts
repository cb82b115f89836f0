import { Controller, Get, Query } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Controller('proxy')
export class ProxyController {
  constructor(private readonly http: HttpService) {}

  @Get()
  async forward(@Query('upstream') upstream: string, @Query('path') path: string) {
    const base = upstream;
    const { data } = await firstValueFrom(this.http.get(base + '/' + encodeURIComponent(path ?? ''))); // expect: ssrf
    return data;
  }
}
