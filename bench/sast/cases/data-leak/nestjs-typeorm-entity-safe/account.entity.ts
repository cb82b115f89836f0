import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  displayName!: string;

  @Column()
  passwordHash!: string;

  @Column({ nullable: true })
  totpSecret!: string | null;
}
