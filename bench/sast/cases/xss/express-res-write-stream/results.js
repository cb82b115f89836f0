const express = require('express');
const { streamResults } = require('./results-source');

const app = express();

app.get('/results', async (req, res) => {
  const category = req.query.category || 'all';
  res.type('html');
  res.write(`<!doctype html><h1>Results in ${category}</h1><ul>`); // expect: xss
  for await (const item of streamResults()) res.write(`<li>${item.id}</li>`);
  res.end('</ul>');
});

app.listen(3000);
