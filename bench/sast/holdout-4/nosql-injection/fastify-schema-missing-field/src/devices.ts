import type { FastifyInstance } from 'fastify';
import type { Db } from 'mongodb';

interface CheckInBody {
  deviceId: string;
  secret: unknown;
}

const body = {
  type: 'object',
  required: ['deviceId'],
  properties: {
    deviceId: { type: 'string', minLength: 8, maxLength: 64 },
  },
};

export async function deviceRoutes(app: FastifyInstance, db: Db) {
  const devices = db.collection('devices');
  app.post<{ Body: CheckInBody }>('/devices/check-in', { schema: { body } }, async (request, reply) => {
    const { deviceId, secret } = request.body;
    const device = await devices.findOne({ deviceId, secret }, { projection: { _id: 1, fleet: 1 } }); // expect: nosql-injection
    if (!device) return reply.code(401).send({ error: 'unknown device' });
    await devices.updateOne({ _id: device._id }, { $set: { lastSeen: new Date() } });
    return { fleet: device.fleet };
  });
}
