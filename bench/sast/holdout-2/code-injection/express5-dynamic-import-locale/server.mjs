import express from 'express';

const LOCALES = new Set(['en', 'de', 'fr']);
const app = express();

app.get('/i18n/messages', async (req, res, next) => {
  const lang = String(req.query.lang ?? 'en');
  try {
    const messages = await import(`./locales/${lang}.js`); // expect: code-injection
    res.json(messages.default);
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
