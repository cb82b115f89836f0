import express from 'express';
import axios from 'axios';

const DEFAULTS = { timeout: 3000, maxRedirects: 0, headers: { accept: 'application/json' } };
const ENDPOINTS = new Map([
  ['crm', 'https://crm.example.com/api'],
  ['billing', 'https://billing.example.com/api'],
]);
const app = express();
app.use(express.json());

app.post('/integrations/test', async (req, res) => {
  const endpoint = ENDPOINTS.get(req.body.endpoint);
  if (!endpoint) return res.status(404).json({ error: 'unknown integration' });
  const config = Object.assign({}, DEFAULTS, { baseURL: endpoint });
  const { status } = await axios.create(config).get('/status');
  res.json({ reachable: status === 200 });
});

app.listen(3000);
