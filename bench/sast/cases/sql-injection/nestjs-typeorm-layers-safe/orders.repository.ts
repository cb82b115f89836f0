import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Order } from './order.entity';

@Injectable()
export class OrdersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByStatus(status: string) {
    return this.dataSource
      .getRepository(Order)
      .createQueryBuilder('o')
      .select(['o.id', 'o.total'])
      .where('o.status = :status', { status })
      .getMany();
  }
}
