import express from 'express';
import axios from 'axios';
import { isTrustedWebhook } from './policy/urls.mjs';

const app = express();
app.use(express.json());

app.post('/integrations/test', async (req, res) => {
  const target = req.body.webhook;
  if (!isTrustedWebhook(target)) {
    return res.status(400).json({ error: 'webhook not allowed' });
  }
  const reply = await axios.post(target, { text: 'Rampart test message' }); // expect: ssrf
  res.json({ status: reply.status });
});

app.listen(8080);
