const express = require('express');
const fs = require('fs');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const users = new DOMParser().parseFromString(fs.readFileSync(__dirname + '/users.xml', 'utf8'), 'text/xml');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/partner-login', (req, res) => {
  const { user, key } = req.body;
  const match = xpath.select(`//partner[@name='${user}' and @apiKey='${key}']`, users); // expect: xpath-injection
  res.status(match.length > 0 ? 204 : 401).end();
});

app.listen(3000);
