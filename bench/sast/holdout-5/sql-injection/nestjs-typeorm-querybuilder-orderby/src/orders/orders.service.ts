import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly repo: Repository<Order>) {}

  async list(sort: string) {
    const column = sort;
    const qb = this.repo.createQueryBuilder('o').select(['o.id', 'o.total', 'o.createdAt']);
    return qb.orderBy(column, 'DESC').take(50).getMany(); // expect: sql-injection
  }
}
