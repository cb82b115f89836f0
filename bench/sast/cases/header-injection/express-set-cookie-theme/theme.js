const express = require('express');

const app = express();

app.get('/theme', (req, res) => {
  const theme = req.query.theme || 'light';
  res.setHeader('Set-Cookie', `theme=${theme}; Path=/; SameSite=Lax`); // expect: header-injection
  res.json({ theme });
});

app.listen(3000);
