const express = require('express');
const { marked } = require('marked');
const DOMPurify = require('isomorphic-dompurify');

const app = express();
app.use(express.urlencoded({ extended: false, limit: '200kb' }));

app.post('/preview', (req, res) => {
  const markdown = req.body.markdown || '';
  const html = DOMPurify.sanitize(marked.parse(markdown, { gfm: true, breaks: true }));
  res.type('html').send(`<article class="markdown-body">${html}</article>`);
});

app.listen(3000);
