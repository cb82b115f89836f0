const express = require('express');
const { unflatten } = require('./unflatten');

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/account/address', (req, res) => {
  const form = unflatten(req.body);
  const address = {
    street: form.address?.street ?? '',
    city: form.address?.city ?? '',
    zip: form.address?.zip ?? '',
  };
  res.json({ saved: true, address });
});

app.listen(3000);
