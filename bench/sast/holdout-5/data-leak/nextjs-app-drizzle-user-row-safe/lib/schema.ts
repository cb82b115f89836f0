import { pgTable, serial, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  avatarUrl: text('avatar_url'),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  resetToken: text('reset_token'),
});
