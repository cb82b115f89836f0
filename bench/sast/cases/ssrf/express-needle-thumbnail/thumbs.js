const express = require('express');
const needle = require('needle');
const sharp = require('sharp');

const app = express();

app.get('/thumb', async (req, res) => {
  const src = req.query.src;
  if (typeof src !== 'string') return res.status(400).send('src required');
  try {
    const upstream = await needle('get', src, null, { follow_max: 0, response_timeout: 5000 }); // expect: ssrf
    const png = await sharp(upstream.body).resize(200, 200, { fit: 'cover' }).png().toBuffer();
    res.type('png').send(png);
  } catch {
    res.status(502).send('could not fetch image');
  }
});

app.listen(3000);
