import { Schema, model } from 'mongoose';

export interface OrderDoc {
  customerId: string;
  status: string;
  total: number;
}

export const Order = model<OrderDoc>('Order', new Schema<OrderDoc>({ customerId: String, status: String, total: Number }));
