import type { FilterQuery } from 'mongoose';
import type { OrderDoc } from './order.model';

export class OrderQuery {
  static build(customerId: string, query: Record<string, unknown>): FilterQuery<OrderDoc> {
    return typeof query.status === 'string' ? { customerId, status: query.status } : { customerId };
  }
}
