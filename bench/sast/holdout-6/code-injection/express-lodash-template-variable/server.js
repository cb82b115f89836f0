const express = require('express');
const _ = require('lodash');

const app = express();
const RECEIPT = 'Order <%= data.number %> total <%= data.total %>';

app.get('/receipts/:n/text', (req, res) => {
  const variable = req.query.var || 'data';
  const render = _.template(RECEIPT, { variable }); // expect: code-injection
  res.type('text/plain').send(render({ number: req.params.n, total: '0.00' }));
});

app.listen(3000);
