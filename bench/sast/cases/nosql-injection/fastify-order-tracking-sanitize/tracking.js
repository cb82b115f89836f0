'use strict';
const fastify = require('fastify')();
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const orders = mongo.db('shop').collection('orders');

fastify.post('/orders/track', async (request, reply) => {
  const { orderNumber, email } = request.body;
  const order = await orders.findOne({ orderNumber, email }, { projection: { _id: 0, orderNumber: 1, status: 1, carrier: 1, trackingCode: 1 } }); // expect: nosql-injection
  if (!order) return reply.code(404).send({ error: 'no matching order' });
  return order;
});

mongo.connect().then(() => fastify.listen({ port: 3000 }));
