import { Injectable } from '@nestjs/common';

@Injectable()
export class CardsService {
  badge(name: string): string {
    return `<div class="badge"><span class="name">${name}</span><span class="role">Visitor</span></div>`;
  }
}
