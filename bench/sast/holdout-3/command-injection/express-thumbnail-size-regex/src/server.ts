import express from 'express';
import { ThumbnailService } from './thumbnails.service';

const app = express();
const thumbnails = new ThumbnailService('/srv/media');

app.get('/images/:id/thumbnail', async (req, res, next) => {
  try {
    const file = await thumbnails.resize(Number(req.params.id), String(req.query.size ?? '128x128'));
    res.sendFile(file);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
