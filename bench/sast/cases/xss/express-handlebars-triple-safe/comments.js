const express = require('express');
const Handlebars = require('handlebars');

const app = express();
app.use(express.urlencoded({ extended: false }));
const commentPreview = Handlebars.compile('<article class="comment">{{comment}}</article>');

app.post('/comments/preview', (req, res) => {
  res.send(commentPreview({ comment: req.body.comment }));
});

app.listen(3000);
