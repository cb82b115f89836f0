import { Router } from 'express';
import { setPath } from '@utils/set-path';

const preferences = new Map<string, Record<string, unknown>>();

export const settings = Router();

settings.patch('/settings', (req, res) => {
  const userId = String(res.locals.userId);
  const current = preferences.get(userId) ?? {};
  const { path, value } = req.body as { path: string; value: unknown };
  preferences.set(userId, setPath(current, path, value));
  res.json({ ok: true });
});
