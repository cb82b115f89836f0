import express from 'express';
import escapeHtml from 'escape-html';
import { findArticle } from './lib/articles.mjs';

const app = express();

app.get('/kb/:slug', async (req, res) => {
  const { slug } = req.params;
  const article = await findArticle(slug);
  if (!article) {
    const shown = escapeHtml(slug);
    return res.status(404).send(`<!doctype html><h1>Not found</h1><p>There is no article called ${shown}.</p>`);
  }
  res.json({ title: article.title, body: article.body });
});

app.listen(3000);
