import Fastify from 'fastify';
import fastifyMongo from '@fastify/mongodb';
import memberRoutes from './routes/members.mjs';

const app = Fastify({ logger: true });
await app.register(fastifyMongo, { url: process.env.MONGO_URL, forceClose: true });
await app.register(memberRoutes);
await app.listen({ port: 3000 });
