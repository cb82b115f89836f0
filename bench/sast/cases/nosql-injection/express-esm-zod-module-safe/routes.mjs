import express from 'express';
import { z } from 'zod';
import { findProfile } from './profiles.mjs';

export const router = express.Router();
const LookupBody = z.object({ username: z.string().min(1).max(64) });

router.post('/profile/lookup', express.json(), async (req, res) => {
  const parsed = LookupBody.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: 'invalid body' });
  const { username } = parsed.data;
  const profile = await findProfile(username);
  if (!profile) return res.sendStatus(404);
  res.json(profile);
});
