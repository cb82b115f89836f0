import express from 'express';
import axios from 'axios';

const DEFAULTS = { timeout: 3000, maxRedirects: 0, headers: { accept: 'application/json' } };
const app = express();
app.use(express.json());

app.post('/integrations/test', async (req, res) => {
  const config = Object.assign({}, DEFAULTS, { baseURL: req.body.endpoint });
  const { status } = await axios.create(config).get('/status'); // expect: ssrf
  res.json({ reachable: status === 200 });
});

app.listen(3000);
