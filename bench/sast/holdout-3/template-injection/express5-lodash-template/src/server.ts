import express from 'express';
import { renderGreeting } from './greetings';

const app = express();
app.use(express.json());

app.post('/cards/render', (req, res) => {
  const { greeting, name } = req.body as { greeting: string; name: string };
  res.type('text/plain').send(renderGreeting(greeting, name));
});

app.listen(3000);
