import type { Knex } from 'knex';

export class CustomersRepo {
  constructor(private readonly db: Knex) {}

  byId(id: number) {
    return this.db('customers').select('id', 'display_name', 'city').where({ id }).first();
  }
}
