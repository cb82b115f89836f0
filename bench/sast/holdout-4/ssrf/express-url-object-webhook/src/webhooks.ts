import express, { type Request, type Response } from 'express';
import axios from 'axios';
import { createHmac } from 'node:crypto';

const PARTNER_HOSTS = new Set(['hooks.partner-a.com', 'api.partner-b.io']);

export const webhooks = express.Router();

webhooks.post('/webhooks/test', async (req: Request, res: Response) => {
  const target = new URL(String(req.body.callback));
  const payload = { event: 'ping', at: Date.now() };
  target.searchParams.set('sig', createHmac('sha256', process.env.HOOK_SECRET ?? '').update(JSON.stringify(payload)).digest('hex'));
  const { status } = await axios.post(target.toString(), payload, { timeout: 5000 }); // expect: ssrf
  res.json({ delivered: status < 300 });
});
