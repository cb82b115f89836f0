import express from 'express';

const LOCALES = new Set(['en', 'de', 'fr']);
const app = express();

app.get('/i18n/messages', async (req, res, next) => {
  const lang = String(req.query.lang ?? 'en');
  if (!LOCALES.has(lang)) {
    return res.status(404).json({ error: 'unknown locale' });
  }
  try {
    const messages = await import(`./locales/${lang}.js`);
    res.json(messages.default);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
