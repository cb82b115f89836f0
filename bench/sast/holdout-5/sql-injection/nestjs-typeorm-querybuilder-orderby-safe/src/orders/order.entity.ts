import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn() id!: number;
  @Column('numeric') total!: string;
  @CreateDateColumn() createdAt!: Date;
}
