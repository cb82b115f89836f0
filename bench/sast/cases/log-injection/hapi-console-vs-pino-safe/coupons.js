'use strict';
const Hapi = require('@hapi/hapi');
const { redeem } = require('./coupon-store');
const logger = require('pino')({ name: 'coupons' });

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/coupons/redeem',
  handler: async (request, h) => {
    const { code } = request.payload;
    const ok = await redeem(String(code), request.auth.credentials?.userId);
    if (!ok) {
      logger.warn({ code: String(code) }, 'rejected coupon redemption');
      return h.response({ error: 'invalid coupon' }).code(422);
    }
    return { redeemed: true };
  },
});

server.start();
