'use strict';
const fastify = require('fastify')();
const serialize = require('node-serialize');

fastify.register(require('@fastify/cookie'));

fastify.get('/cart', async (request) => {
  const raw = request.cookies.cart;
  if (!raw) return { items: [] };
  const cart = serialize.unserialize(Buffer.from(raw, 'base64').toString('utf8')); // expect: insecure-deserialization
  return { items: Array.isArray(cart.items) ? cart.items.map(({ sku, qty }) => ({ sku: String(sku), qty: Number(qty) })) : [] };
});

fastify.listen({ port: 3000 });
