const express = require('express');
const escapeHtml = require('escape-html');

const app = express();

app.get('/leaving', (req, res) => {
  const target = String(req.query.url || '/');
  const href = /^https?:\/\//i.test(target) ? target : '/';
  res.send(`<!doctype html><p>You are leaving example.com.</p><p><a href="${escapeHtml(href)}">Continue to ${escapeHtml(target)}</a></p>`);
});

app.listen(3000);
