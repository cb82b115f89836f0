const express = require('express');
const xssFilters = require('xss-filters');
const { streamResults } = require('./results-source');

const app = express();

app.get('/results', async (req, res) => {
  const category = xssFilters.inHTMLData(String(req.query.category || 'all'));
  res.type('html');
  res.write(`<!doctype html><h1>Results in ${category}</h1><ul>`);
  for await (const item of streamResults()) res.write(`<li>${item.id}</li>`);
  res.end('</ul>');
});

app.listen(3000);
