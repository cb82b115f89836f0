const express = require('express');
const path = require('path');

const app = express();
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));

app.get('/profile/preview', (req, res) => {
  res.render('preview', { bio: req.query.bio || '' }); // expect: xss
});

app.listen(3000);
