import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  displayName!: string;

  @Column()
  email!: string;

  @Column()
  passwordHash!: string;

  @Column({ nullable: true })
  totpSecret!: string | null;
}
