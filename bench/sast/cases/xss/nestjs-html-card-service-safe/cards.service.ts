import { Injectable } from '@nestjs/common';
import { encode } from 'he';

@Injectable()
export class CardsService {
  badge(name: string): string {
    return `<div class="badge"><span class="name">${encode(String(name))}</span><span class="role">Visitor</span></div>`;
  }
}
