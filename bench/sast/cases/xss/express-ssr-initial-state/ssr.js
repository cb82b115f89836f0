const express = require('express');
const { searchCatalog } = require('./catalog');

const app = express();

app.get('/search', async (req, res) => {
  const query = typeof req.query.q === 'string' ? req.query.q : '';
  const state = { query, results: await searchCatalog(query) };
  res.send(`<!doctype html><html><body><div id="root"></div><script>window.__INITIAL_STATE__ = ${JSON.stringify(state)};</script><script src="/static/app.js"></script></body></html>`); // expect: xss
});

app.listen(3000);
