import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

interface OrderDoc {
  tenantId: string;
  status: string;
  total: number;
}

@Injectable()
export class OrdersService {
  constructor(@InjectModel('Order') private readonly model: Model<OrderDoc>) {}

  search(filter: Record<string, unknown>, tenantId: string) {
    const query = { ...filter, tenantId };
    return this.model.find(query, { status: 1, total: 1 }).limit(50).lean(); // expect: nosql-injection
  }
}
