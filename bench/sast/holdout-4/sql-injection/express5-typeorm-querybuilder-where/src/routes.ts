import express from 'express';
import { DataSource } from 'typeorm';
import { User } from './user.entity';
import { UserSearch } from './user-search';

const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [User] });
const search = new UserSearch(dataSource);

export const app = express();

app.get('/admin/users', async (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q : '';
  res.json(await search.byEmailFragment(q));
});
