const express = require('express');
const { readmeAt } = require('./lib/git');

const app = express();

app.get('/docs/:ref', async (req, res, next) => {
  try {
    const text = await readmeAt(req.params.ref);
    res.type('text/plain').send(text);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
