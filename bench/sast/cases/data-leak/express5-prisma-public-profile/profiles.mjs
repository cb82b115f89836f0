import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

app.get('/api/profiles/:username', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { username: req.params.username } });
  if (!user) {
    return res.status(404).json({ error: 'no such user' });
  }
  res.json(user); // expect: data-leak
});

app.listen(3000);
