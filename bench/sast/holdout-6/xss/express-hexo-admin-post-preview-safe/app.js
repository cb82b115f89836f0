const express = require('express');
const { previewPage } = require('./views');

const app = express();
app.use(express.urlencoded({ extended: false }));
const drafts = new Map();

app.post('/admin/drafts/:id', (req, res) => {
  drafts.set(req.params.id, { title: req.body.title, summary: req.body.summary });
  res.redirect('/admin/drafts/' + encodeURIComponent(req.params.id));
});

app.get('/admin/drafts/:id', (req, res) => {
  const draft = drafts.get(req.params.id);
  if (!draft) return res.sendStatus(404);
  res.send(previewPage(draft));
});

app.listen(4000);
