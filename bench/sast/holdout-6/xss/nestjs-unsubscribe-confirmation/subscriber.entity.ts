import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Subscriber {
  @PrimaryGeneratedColumn() id!: number;
  @Column() email!: string;
  @Column({ default: true }) active!: boolean;
}
