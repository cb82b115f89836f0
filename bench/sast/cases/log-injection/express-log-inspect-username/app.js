const express = require('express');
const util = require('util');
const pino = require('pino');

const log = pino();
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res) => {
  const user = req.body.username;
  log.warn(`failed login for ${user}`); // expect: log-injection
  res.status(401).send('invalid credentials');
});

app.listen(3000);
