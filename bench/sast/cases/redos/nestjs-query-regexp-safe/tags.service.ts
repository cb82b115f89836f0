import { Injectable } from '@nestjs/common';
import { escapeRegExp } from 'lodash';

@Injectable()
export class TagsService {
  private readonly tags = ['node', 'nestjs', 'security', 'typescript'];

  search(q: string) {
    const re = new RegExp(escapeRegExp(q), 'i');
    return this.tags.filter((t) => re.test(t));
  }
}
