import { Injectable } from '@nestjs/common';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  constructor(private readonly repo: OrdersRepository) {}

  async listByStatus(status: string) {
    const rows = await this.repo.findByStatus(status.trim());
    return rows.map((o) => ({ id: o.id, total: o.total }));
  }
}
