import express from 'express';
import { mixinDeep } from '../lib/mixin-deep';

const settings: Record<string, any> = { theme: { color: 'light' }, notifications: { email: true } };
export const settingsRouter = express.Router();

settingsRouter.put('/settings', express.json(), (req, res) => {
  mixinDeep(settings, req.body);
  res.json({ theme: settings.theme, notifications: settings.notifications });
});
