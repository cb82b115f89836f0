const express = require('express');

const app = express();

app.get('/theme', (req, res) => {
  const theme = encodeURIComponent(String(req.query.theme || 'light'));
  res.setHeader('Set-Cookie', `theme=${theme}; Path=/; SameSite=Lax`);
  res.json({ theme });
});

app.listen(3000);
