import Fastify from 'fastify';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = Fastify();

interface LookupBody {
  email: string;
}

app.post<{ Body: LookupBody }>('/lookup', async (request) => {
  const { email } = request.body;
  const users = await prisma.$queryRaw`SELECT id, display_name FROM "User" WHERE email = ${email}`;
  return { users };
});

app.listen({ port: 3000 });
