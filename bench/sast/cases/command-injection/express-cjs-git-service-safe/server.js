const express = require('express');
const { readmeAt } = require('./lib/git');

const app = express();
const COMMIT_ID = /^[0-9a-f]{7,40}$/;

app.get('/docs/:ref', async (req, res, next) => {
  if (!COMMIT_ID.test(req.params.ref)) return res.status(400).json({ error: 'ref must be a commit id' });
  try {
    const text = await readmeAt(req.params.ref);
    res.type('text/plain').send(text);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
