import express from 'express';
import pug from 'pug';

const app = express();
app.use(express.json());

app.post('/badges/preview', (req, res) => {
  const LAYOUTS = { classic: 'views/badges/classic.pug', modern: 'views/badges/modern.pug' };
  const render = pug.compileFile(Object.hasOwn(LAYOUTS, req.body.layout) ? LAYOUTS[req.body.layout] : LAYOUTS.classic);
  res.json({ html: render({ name: String(req.body.name ?? '') }) });
});

app.listen(3000);
