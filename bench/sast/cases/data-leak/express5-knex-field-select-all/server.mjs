import express from 'express';
import knex from 'knex';

class MemberStore {
  constructor(db) {
    this.knex = db;
  }

  byHandle(handle) {
    return this.knex('members').where({ handle }).select().first();
  }
}

const store = new MemberStore(knex({ client: 'pg', connection: process.env.DATABASE_URL }));
const app = express();

app.get('/members/:handle', async (req, res) => {
  const member = await store.byHandle(req.params.handle);
  if (!member) return res.sendStatus(404);
  res.json(member); // expect: data-leak
});

app.listen(3000);
