import path from 'node:path';

const LOCALES = new Set(['en', 'de', 'fr', 'ja']);

export default function handler(req, res) {
  const locale = req.query.locale || 'en';
  const modulePath = path.join(process.cwd(), 'locales', locale);
  const messages = require(modulePath); // expect: code-injection
  res.status(200).json(messages);
}
