import type { DataSource } from 'typeorm';
import { User } from './user.entity';

export class UserSearch {
  constructor(private readonly dataSource: DataSource) {}

  byEmailFragment(q: string) {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('user').select(['user.id', 'user.displayName']);
    return qb.where('user.email LIKE :term', { term: `%${q}%` }).take(25).getMany();
  }
}
