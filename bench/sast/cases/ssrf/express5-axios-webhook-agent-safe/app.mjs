import express from 'express';
import axios from 'axios';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

const httpAgent = new RequestFilteringHttpAgent();
const httpsAgent = new RequestFilteringHttpsAgent();

const app = express();
app.use(express.json());

app.post('/webhooks/test', async (req, res) => {
  const { endpoint } = req.body;
  try {
    const reply = await axios.post(endpoint, { ping: true }, { timeout: 5000, maxRedirects: 0, httpAgent, httpsAgent });
    res.json({ status: reply.status });
  } catch {
    res.status(502).json({ error: 'endpoint unreachable' });
  }
});

app.listen(3000);
