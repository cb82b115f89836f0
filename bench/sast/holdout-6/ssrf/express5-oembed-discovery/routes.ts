import express from 'express';
import { fetchEmbed } from './embedService';

export const embeds = express.Router();

embeds.post('/embeds/preview', async (req, res) => {
  const { endpoint, url } = req.body as { endpoint: string; url: string };
  res.json(await fetchEmbed(endpoint, url));
});
