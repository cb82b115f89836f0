const { WebSocketServer } = require('ws');
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const orders = mongo.db('shop').collection('orders');
const wss = new WebSocketServer({ port: 8081 });

wss.on('connection', (socket, req) => {
  const tenantId = req.headers['x-tenant-id'];
  socket.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    if (msg.type !== 'subscribe') return;
    const filter = { tenantId, ...msg.filter };
    const docs = await orders.find(filter, { projection: { number: 1, status: 1, total: 1 } }).limit(100).toArray(); // expect: nosql-injection
    socket.send(JSON.stringify({ type: 'orders', docs }));
  });
});
