const express = require('express');
const util = require('util');
const winston = require('winston');

// Text lines (the simple format), not JSON: a line break in a message starts a new line of the log.
const log = winston.createLogger({ format: winston.format.simple(), transports: [new winston.transports.Console()] });
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res) => {
  const user = req.body.username;
  log.warn(`failed login for ${user}`); // expect: log-injection
  res.status(401).send('invalid credentials');
});

app.listen(3000);
