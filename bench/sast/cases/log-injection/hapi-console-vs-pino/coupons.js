'use strict';
const Hapi = require('@hapi/hapi');
const { redeem } = require('./coupon-store');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/coupons/redeem',
  handler: async (request, h) => {
    const { code } = request.payload;
    const ok = await redeem(String(code), request.auth.credentials?.userId);
    if (!ok) {
      console.warn(`[coupons] rejected redemption code=${code} at ${new Date().toISOString()}`); // expect: log-injection
      return h.response({ error: 'invalid coupon' }).code(422);
    }
    return { redeemed: true };
  },
});

server.start();
