import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';

@Injectable()
export class InvoicesService {
  constructor(@InjectEntityManager() private readonly em: EntityManager) {}

  forCustomer(customerId: string) {
    return this.em.query(`SELECT id, number, total, issued_at FROM invoices WHERE customer_id = ${customerId}`); // expect: sql-injection
  }
}
