import express from 'express';
import { FlagStore } from './flag-store';

const flags = new FlagStore();
const app = express();
app.use(express.json());

app.post('/admin/flags', (req, res) => {
  const { path, value } = req.body as { path: string[]; value: boolean | string };
  flags.set(path, value);
  res.json(flags.snapshot());
});

app.listen(3000);
