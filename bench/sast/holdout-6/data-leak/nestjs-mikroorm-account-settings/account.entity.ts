import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity()
export class Account {
  @PrimaryKey() id!: number;
  @Property() email!: string;
  @Property() displayName!: string;
  @Property() passwordHash!: string;
  @Property() totpSecret?: string;
}
