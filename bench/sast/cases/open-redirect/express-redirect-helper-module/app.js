const express = require('express');
const querystring = require('querystring');
const { redirectTo } = require('./lib/respond');

const app = express();

app.get('/find', (req, res) => {
  if (!req.query.q) return redirectTo(res, '/search?' + querystring.stringify(req.query));
  res.send('ok');
});

app.get('/login/done', (req, res) => {
  redirectTo(res, req.query.returnTo || '/');
});

app.listen(3000);
