'use strict';
const fastify = require('fastify')();

fastify.register(require('@fastify/cookie'));

fastify.get('/cart', async (request) => {
  const raw = request.cookies.cart;
  if (!raw) return { items: [] };
  const cart = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
  return { items: Array.isArray(cart.items) ? cart.items.map(({ sku, qty }) => ({ sku: String(sku), qty: Number(qty) })) : [] };
});

fastify.listen({ port: 3000 });
