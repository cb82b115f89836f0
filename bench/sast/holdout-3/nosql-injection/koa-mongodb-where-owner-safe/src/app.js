import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const boards = client.db('kanban').collection('boards');
const app = new Koa();
const router = new Router();

router.post('/boards/search', async (ctx) => {
  const { owner } = ctx.request.body;
  const cursor = boards.find({ owner: String(owner), archived: { $ne: true } }).project({ title: 1, owner: 1 });
  ctx.body = await cursor.toArray();
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
