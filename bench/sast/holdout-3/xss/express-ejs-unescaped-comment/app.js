const express = require('express');
const path = require('path');

const app = express();
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));
app.use(express.urlencoded({ extended: false }));

app.post('/guestbook/preview', (req, res) => {
  const { author, comment } = req.body;
  res.render('preview', { author: author || 'anonymous', comment }); // expect: xss
});

app.listen(3000);
