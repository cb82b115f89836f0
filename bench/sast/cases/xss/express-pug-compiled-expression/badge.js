const express = require('express');
const pug = require('pug');

const app = express();
const renderBadge = pug.compile('span.badge!= "Signed in as " + user.displayName');

app.get('/badge', (req, res) => {
  res.type('html').send(renderBadge({ user: { displayName: String(req.query.name || 'guest') } })); // expect: xss
});

app.listen(3000);
