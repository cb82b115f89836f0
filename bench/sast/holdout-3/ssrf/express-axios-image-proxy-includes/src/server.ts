import express from 'express';
import { fetchImage } from './services/image-proxy';

const app = express();

app.get('/img', async (req, res, next) => {
  try {
    const image = await fetchImage(String(req.query.url));
    res.type('image/webp').send(image);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
