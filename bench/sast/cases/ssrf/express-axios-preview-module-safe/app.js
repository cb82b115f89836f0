const express = require('express');
const { fetchPreview } = require('./preview');

const app = express();

app.get('/preview', async (req, res) => {
  try {
    res.json(await fetchPreview(req.query.url));
  } catch {
    res.status(422).json({ error: 'could not build a preview' });
  }
});

app.listen(3000);
