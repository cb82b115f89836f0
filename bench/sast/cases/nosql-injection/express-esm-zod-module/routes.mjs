import express from 'express';
import { findProfile } from './profiles.mjs';

export const router = express.Router();

router.post('/profile/lookup', express.json(), async (req, res) => {
  const { username } = req.body;
  const profile = await findProfile(username);
  if (!profile) return res.sendStatus(404);
  res.json(profile);
});
