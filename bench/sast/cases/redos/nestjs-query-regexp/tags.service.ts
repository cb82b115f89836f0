import { Injectable } from '@nestjs/common';

@Injectable()
export class TagsService {
  private readonly tags = ['node', 'nestjs', 'security', 'typescript'];

  search(q: string) {
    const re = new RegExp(q, 'i'); // expect: redos
    return this.tags.filter((t) => re.test(t));
  }
}
