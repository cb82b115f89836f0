'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const { ordersByStatus } = require('./queries');

const router = new Router();

router.get('/orders', async (ctx) => {
  ctx.body = await ordersByStatus(String(ctx.query.status || 'open'));
});

new Koa().use(router.routes()).listen(3000);
