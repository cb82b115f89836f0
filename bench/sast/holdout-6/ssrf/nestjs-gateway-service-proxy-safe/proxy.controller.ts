import { Controller, Get, Query } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

@Controller('proxy')
export class ProxyController {
  constructor(private readonly http: HttpService) {}

  @Get()
  async forward(@Query('upstream') upstream: string, @Query('path') path: string) {
    const UPSTREAMS: Record<string, string> = { catalog: 'http://catalog.svc:8080', reviews: 'http://reviews.svc:8080' };
    const base = Object.hasOwn(UPSTREAMS, upstream) ? UPSTREAMS[upstream] : UPSTREAMS.catalog;
    const { data } = await firstValueFrom(this.http.get(base + '/' + encodeURIComponent(path ?? '')));
    return data;
  }
}
