import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Account } from './account.entity';

@Injectable()
export class AccountService {
  constructor(private readonly em: EntityManager) {}

  async byId(id: number) {
    const account = await this.em.findOneOrFail(Account, { id });
    return account;
  }
}
