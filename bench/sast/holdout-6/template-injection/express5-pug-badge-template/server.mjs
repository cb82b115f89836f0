import express from 'express';
import pug from 'pug';

const app = express();
app.use(express.json());

app.post('/badges/preview', (req, res) => {
  const render = pug.compile(String(req.body.layout)); // expect: template-injection
  res.json({ html: render({ name: String(req.body.name ?? '') }) });
});

app.listen(3000);
