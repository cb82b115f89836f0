'use strict';

const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const { MongoClient } = require('mongodb');

const init = async () => {
  const mongo = await MongoClient.connect(process.env.MONGO_URL);
  const devices = mongo.db('iot').collection('devices');
  const server = Hapi.server({ port: 3000, host: '0.0.0.0' });

  server.route({
    method: 'POST',
    path: '/devices/checkin',
    options: {
      validate: {
        payload: Joi.object({
          deviceId: Joi.string().max(64).required(),
          key: Joi.any().required(),
        }),
      },
    },
    handler: async (request, h) => {
      const { deviceId, key } = request.payload;
      const device = await devices.findOne({ deviceId, key }, { projection: { _id: 0, deviceId: 1, firmware: 1 } }); // expect: nosql-injection
      if (!device) {
        return h.response({ error: 'unknown device' }).code(401);
      }
      return { firmware: device.firmware };
    },
  });

  await server.start();
};

init();
