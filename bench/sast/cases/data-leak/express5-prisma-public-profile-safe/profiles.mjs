import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

app.get('/api/profiles/:username', async (req, res) => {
  const user = await prisma.user.findUnique({
    where: { username: req.params.username },
    select: { id: true, username: true, displayName: true, avatarUrl: true, bio: true },
  });
  if (!user) {
    return res.status(404).json({ error: 'no such user' });
  }
  res.json(user);
});

app.listen(3000);
