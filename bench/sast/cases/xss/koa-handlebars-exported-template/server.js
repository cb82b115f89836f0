'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const views = require('./views');

const router = new Router();

router.post('/profile/preview', (ctx) => {
  const { name, bio } = ctx.request.body;
  ctx.type = 'html';
  ctx.body = views.profileCard({ name, bio }); // expect: xss
});

new Koa().use(bodyParser()).use(router.routes()).listen(3000);
