import type { Pool } from 'pg';

export interface OrderSummary {
  id: number;
  total: string;
  status: string;
}

export class OrderRepository {
  constructor(private readonly pool: Pool) {}

  async listByStatus(customerId: number, status: string): Promise<OrderSummary[]> {
    const text = `SELECT id, total, status FROM orders WHERE customer_id = $1 AND status = '${status}' ORDER BY id DESC`;
    const { rows } = await this.pool.query<OrderSummary>(text, [customerId]); // expect: sql-injection
    return rows;
  }
}
